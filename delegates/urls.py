from django.urls import path

from . import views

app_name = "delegates"

urlpatterns = [
    path("events/<int:event_pk>/delegates/", views.roster, name="roster"),
    path("events/<int:event_pk>/delegates/add/", views.delegate_add, name="add"),
    path("events/<int:event_pk>/delegates/<int:pk>/edit/", views.delegate_edit, name="edit"),
    path("events/<int:event_pk>/delegates/<int:pk>/delete/", views.delegate_delete, name="delete"),
    path("events/<int:event_pk>/delegates/finalise/", views.roster_finalise, name="finalise"),
    path("events/<int:event_pk>/delegates/reopen/", views.roster_reopen, name="reopen"),
    path("events/<int:event_pk>/delegates/cap/", views.roster_set_cap, name="set_cap"),
    path("events/<int:event_pk>/delegates/template.xlsx", views.roster_template, name="template"),
    path("events/<int:event_pk>/delegates/export.xlsx", views.roster_export, name="export"),
    path("events/<int:event_pk>/delegates/import/", views.roster_import, name="import"),
    path("events/<int:event_pk>/delegates/import/<uuid:token>/", views.import_preview, name="import_preview"),
    path(
        "events/<int:event_pk>/delegates/import/<uuid:token>/confirm/",
        views.import_confirm,
        name="import_confirm",
    ),
    path(
        "events/<int:event_pk>/delegates/import/<uuid:token>/discard/",
        views.import_discard,
        name="import_discard",
    ),
    path("events/<int:event_pk>/delegates/candidates/add/", views.candidates_add, name="candidates_add"),
    path("events/<int:event_pk>/delegation/", views.delegation, name="delegation"),
    path("events/<int:event_pk>/delegation/withdraw/", views.delegation_withdraw, name="delegation_withdraw"),
    path("units/<int:unit_pk>/delegation-quotas/", views.quotas, name="quotas"),
]
