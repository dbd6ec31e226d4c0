from django.urls import path

from . import views, views_reorganisation

app_name = "oversight"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("compliance/", views.compliance, name="compliance"),
    path("results/", views.results_list, name="results"),
    path("results/unreported/", views.unreported, name="unreported"),
    path("results/<int:event_pk>/", views.result_report, name="result_report"),
    path("results/<int:event_pk>/attachments/", views.result_attachment_add, name="attachment_add"),
    path("attachments/<int:pk>/", views.result_attachment_download, name="attachment_download"),
    path("attachments/<int:pk>/delete/", views.result_attachment_delete, name="attachment_delete"),
    path("pilots/", views.pilots, name="pilots"),
    path("pilots/<int:event_pk>/lesson/", views.pilot_lesson_save, name="pilot_lesson_save"),
    path("lessons/", views.lessons, name="lessons"),
    path("summary/", views.summary_narrative, name="summary_narrative"),
    path("summary/restore/", views.summary_narrative_restore, name="summary_narrative_restore"),
    path("reminders/", views.reminders, name="reminders"),
    path("budget/", views.budget, name="budget"),
    path("reorganisations/", views_reorganisation.reorganisations, name="reorganisations"),
    path("reorganisations/new/", views_reorganisation.reorganisation_new, name="reorganisation_new"),
    path("reorganisations/load/", views_reorganisation.reorganisation_load, name="reorganisation_load"),
    path("reorganisations/<int:pk>/", views_reorganisation.reorganisation_detail, name="reorganisation"),
    path(
        "reorganisations/<int:pk>/apply/",
        views_reorganisation.reorganisation_apply_view,
        name="reorganisation_apply",
    ),
    path(
        "reorganisations/<int:pk>/undo/",
        views_reorganisation.reorganisation_undo_view,
        name="reorganisation_undo",
    ),
    path("budget/add/", views.budget_line_add, name="budget_add"),
    path("budget/<int:pk>/edit/", views.budget_line_edit, name="budget_edit"),
    path("budget/<int:pk>/delete/", views.budget_line_delete, name="budget_delete"),
]
