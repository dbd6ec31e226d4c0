from django.urls import path

from . import views, views_signing

app_name = "reports"

urlpatterns = [
    path("documents/", views.documents_home, name="documents_home"),
    path("events/<int:pk>/documents/", views.event_documents, name="event_documents"),
    path("events/<int:pk>/documents/start/", views.event_report_start, name="event_report_start"),
    path("events/<int:pk>/agenda/", views.agenda, name="agenda"),
    path("events/<int:pk>/agenda/generate/", views.agenda_generate, name="agenda_generate"),
    path("events/<int:pk>/agenda/items/add/", views.agenda_item_add, name="agenda_item_add"),
    path("events/<int:pk>/agenda/save/", views.agenda_save, name="agenda_save"),
    path("documents/<int:pk>/status.json", views.report_status, name="status"),
    path("documents/<int:pk>/download/", views.report_download, name="download"),
    path("documents/<int:pk>/retry/", views.report_retry, name="retry"),
    path("documents/<int:pk>/sign/", views_signing.report_sign, name="sign"),
    path("documents/<int:pk>/new-version/", views_signing.report_supersede, name="supersede"),
    path("documents/signing-keys/", views_signing.signing_keys, name="signing_keys"),
    path("documents/province/", views.province_reports, name="province"),
    path("documents/province/start/", views.province_report_start, name="province_start"),
]
