from django.urls import URLPattern, URLResolver, path

from secretariat.depositary import feeds, views

app_name = "depositary"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("matrix/", views.matrix, name="matrix"),
    path("notifications/", views.notifications, name="notifications"),
    path("pending/", views.pending, name="pending"),
    path("acts/<int:act_id>/documents/", views.attach_document, name="attach_document"),
    path(
        "acts/<int:act_id>/documents/<int:document_id>/",
        views.act_document,
        name="act_document",
    ),
    path("acts/<int:act_id>/<str:decision>/", views.decide, name="decide"),
    path("instruments/<slug:code>/", views.instrument_detail, name="instrument"),
    path("instruments/<slug:code>/acts/", views.submit_act, name="submit_act"),
    path("instruments/<slug:code>/export.json", views.instrument_json, name="instrument_json"),
    path("instruments/<slug:code>/export.csv", views.instrument_csv, name="instrument_csv"),
    path("states/<str:code>/", views.state_detail, name="state"),
    path("states/<str:code>/export.json", views.state_json, name="state_json"),
    path("states/<str:code>/export.csv", views.state_csv, name="state_csv"),
    path("dump.json", views.dump, name="dump"),
    path("schema.json", views.json_schema, name="schema"),
    path("feeds/notifications/", feeds.NotificationsFeed(), name="feed"),
    path("feeds/instruments/<slug:code>/", feeds.InstrumentFeed(), name="feed_instrument"),
    path("feeds/states/<str:code>/", feeds.StateFeed(), name="feed_state"),
]
