from django.urls import URLPattern, URLResolver, path

from secretariat.meetings import views

app_name = "meetings"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("sessions/<str:code>/", views.session_detail, name="session"),
    path("sessions/<str:code>/attendance/", views.post_attendance, name="post_attendance"),
    path("sessions/<str:code>/decisions/<slug:slug>/", views.decision_detail, name="decision"),
    path(
        "sessions/<str:code>/decisions/<slug:slug>/position/",
        views.post_position,
        name="post_position",
    ),
    path(
        "sessions/<str:code>/decisions/<slug:slug>/outcome/",
        views.post_outcome,
        name="post_outcome",
    ),
    path("attendance/", views.attendance, name="attendance"),
    path("on/", views.on_date, name="on_date"),
    path("calendar.ics", views.calendar_ics, name="calendar"),
    path("decisions/feed/", views.DecisionsFeed(), name="decisions_feed"),
    path("export/<str:what>.<str:fmt>", views.export, name="export"),
]
