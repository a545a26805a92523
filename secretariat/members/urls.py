from django.urls import path

from secretariat.members import views

app_name = "members"

urlpatterns = [
    path("members/", views.member_list, name="list"),
    path("members/notifications/", views.pending_notifications, name="pending"),
    path(
        "members/notifications/<int:event_id>/<str:decision>/",
        views.decide_notification,
        name="decide",
    ),
    path("members/<str:code>/", views.member_detail, name="detail"),
    path("members/<str:code>/events/", views.submit_event, name="submit_event"),
    path("members/<str:code>/indicators/new/", views.new_indicator, name="new_indicator"),
    path("offices/", views.offices, name="offices"),
    path("offices/chairs/new/", views.new_chair_term, name="new_chair"),
    path(
        "offices/secretaries-general/new/",
        views.new_secretary_general,
        name="new_secretary_general",
    ),
]
