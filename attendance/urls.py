from django.urls import path

from . import views, views_door, views_public

app_name = "attendance"

urlpatterns = [
    path("moi/<str:token>/", views_public.answer, name="answer"),
    path("events/<int:event_pk>/attendance/", views.manage, name="manage"),
    path("events/<int:event_pk>/attendance/day/", views.day_save, name="day_save"),
    path("events/<int:event_pk>/attendance/send/", views.send, name="send"),
    path("events/<int:event_pk>/attendance/<int:delegate_pk>/revoke/", views.revoke, name="revoke"),
    path(
        "events/<int:event_pk>/attendance/replacements/<int:pk>/",
        views.replacement_decide,
        name="replacement",
    ),
    path("events/<int:event_pk>/attendance/reception/", views.grant, name="grant"),
    path("events/<int:event_pk>/attendance/reception/<int:pk>/remove/", views.ungrant, name="ungrant"),
    path("events/<int:event_pk>/attendance/hall/", views.hall, name="hall"),
    path("events/<int:event_pk>/attendance/hall/assign/", views.seats_assign, name="seats_assign"),
    path("events/<int:event_pk>/attendance/seat/", views.seat_set, name="seat_set"),
    path("events/<int:event_pk>/door/", views_door.door, name="door"),
    path("events/<int:event_pk>/door/roster.json", views_door.door_roster, name="door_roster"),
    path("events/<int:event_pk>/door/checkins/", views_door.door_checkins, name="door_checkins"),
    path("events/<int:event_pk>/door/sw.js", views_door.door_service_worker, name="door_sw"),
    path("events/<int:event_pk>/presidium/", views_door.presidium, name="presidium"),
    path("events/<int:event_pk>/presidium.json", views_door.presidium_data, name="presidium_data"),
]
