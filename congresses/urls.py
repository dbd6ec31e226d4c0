from django.urls import path

from . import views

app_name = "congresses"

urlpatterns = [
    path("campaigns/", views.campaign_list, name="campaign_list"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/edit/", views.campaign_edit, name="campaign_edit"),
    path("campaigns/<int:pk>/copy/", views.campaign_copy, name="campaign_copy"),
    path("campaigns/<int:pk>/activate/", views.campaign_activate, name="campaign_activate"),
    path("campaigns/<int:pk>/tiers/<int:tier_pk>/edit/", views.tier_edit, name="tier_edit"),
    path("campaigns/<int:pk>/movements/add/", views.movement_add, name="movement_add"),
    path(
        "campaigns/<int:pk>/movements/<int:movement_pk>/edit/",
        views.movement_edit,
        name="movement_edit",
    ),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/unit/<int:unit_pk>/", views.unit_plans, name="unit_plans"),
    path("plans/unit/<int:unit_pk>/<slug:kind>/submit/", views.plan_submit, name="plan_submit"),
    path("plans/<int:pk>/review/", views.plan_review, name="plan_review"),
    path("plans/<int:pk>/download/", views.plan_download, name="plan_download"),
    path("plans/versions/<int:pk>/download/", views.plan_version_download, name="plan_version_download"),
    path("events/", views.event_list, name="event_list"),
    path("events/register/<int:unit_pk>/", views.event_register, name="event_register"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("events/<int:pk>/status/", views.event_status, name="event_status"),
]
