from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("audit/", views.log_list, name="log"),
    path(
        "audit/history/<str:app_label>/<str:model_name>/<int:pk>/",
        views.object_history_view,
        name="object_history",
    ),
]
