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
]
