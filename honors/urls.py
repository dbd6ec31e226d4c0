from django.urls import path

from . import views, views_publication

app_name = "honors"

urlpatterns = [
    path("dien-hinh/", views.public_list, name="public_list"),
    path("dien-hinh/<int:pk>/", views.public_detail, name="public_detail"),
    path("danh-muc-khen-thuong/", views.award_type_list, name="award_type_list"),
    path("danh-muc-khen-thuong/them/", views.award_type_add, name="award_type_add"),
    path("danh-muc-khen-thuong/<int:pk>/sua/", views.award_type_edit, name="award_type_edit"),
    path("muc-luong-co-so/", views.base_salary_list, name="base_salary_list"),
    path("muc-luong-co-so/them/", views.base_salary_add, name="base_salary_add"),
    path("muc-luong-co-so/<int:pk>/sua/", views.base_salary_edit, name="base_salary_edit"),
    path("so-dang-ky-van-ban/", views.register_list, name="register_list"),
    path("kinh-phi-khen-thuong/", views.province_budget, name="province_budget"),
    path("khen-thuong-su-kien/<int:pk>/kinh-phi/", views.event_budget, name="event_budget"),
    path("ho-so-dien-hinh/", views.exemplar_list, name="exemplar_list"),
    path("ho-so-dien-hinh/them/", views.exemplar_create, name="exemplar_create"),
    path("ho-so-dien-hinh/<int:pk>/", views.exemplar_detail, name="exemplar_detail"),
    path("ho-so-dien-hinh/<int:pk>/sua/", views.exemplar_edit, name="exemplar_edit"),
    path("ho-so-dien-hinh/<int:pk>/anh/", views.exemplar_photo, name="exemplar_photo"),
    path("ho-so-dien-hinh/<int:pk>/khen-thuong/", views.award_received_add, name="award_received_add"),
    path(
        "ho-so-dien-hinh/<int:pk>/khen-thuong/<int:award_pk>/xoa/",
        views.award_received_delete,
        name="award_received_delete",
    ),
    path("ho-so-dien-hinh/<int:pk>/de-nghi/", views.nomination_create, name="nomination_create"),
    path(
        "ho-so-dien-hinh/<int:pk>/de-nghi-cong-bo/",
        views_publication.exemplar_publication_request,
        name="exemplar_publication_request",
    ),
    path(
        "ho-so-dien-hinh/<int:pk>/duyet-cong-bo/",
        views_publication.exemplar_publication_decide,
        name="exemplar_publication_decide",
    ),
    path(
        "ho-so-dien-hinh/<int:pk>/rut-cong-bo/",
        views_publication.exemplar_publication_withdraw,
        name="exemplar_publication_withdraw",
    ),
    path("duyet-cong-bo/", views_publication.publication_requests, name="publication_requests"),
    path("de-nghi-khen-thuong/", views.nomination_list, name="nomination_list"),
    path("de-nghi-khen-thuong/<int:pk>/xet/", views.nomination_review, name="nomination_review"),
    path("khen-thuong-su-kien/", views.event_list, name="event_list"),
    path("khen-thuong-su-kien/<int:pk>/", views.event_detail, name="event_detail"),
    path("khen-thuong-su-kien/<int:pk>/quyet-dinh.xlsx", views.decision_export, name="decision_export"),
    path("khen-thuong-su-kien/<int:pk>/tham-luan/", views.presenter_add, name="presenter_add"),
    path(
        "khen-thuong-su-kien/<int:pk>/tham-luan/<int:presenter_pk>/xoa/",
        views.presenter_remove,
        name="presenter_remove",
    ),
]
