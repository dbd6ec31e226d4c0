from django.urls import path

from . import views

app_name = "units"

urlpatterns = [
    path("units/", views.unit_list, name="list"),
    path("units/<int:pk>/", views.unit_detail, name="detail"),
    path("units/<int:pk>/edit/", views.unit_edit, name="edit"),
]
