from django.urls import path

from . import views

app_name = "units"

urlpatterns = [
    path("units/", views.unit_list, name="list"),
    path("units/<int:pk>/", views.unit_detail, name="detail"),
    path("units/<int:pk>/edit/", views.unit_edit, name="edit"),
    path("units/<int:pk>/document-profile/", views.document_profile, name="document_profile"),
    path(
        "units/<int:pk>/document-profile/check/", views.document_profile_check, name="document_profile_check"
    ),
]
