from django.urls import URLPattern, URLResolver, path

from secretariat.entrybans import views

app_name = "entrybans"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("screen/", views.screen, name="screen"),
    path("listings/", views.listings, name="listings"),
    path("listings/new/", views.new_listing, name="new_listing"),
    path("listings/<str:reference>/", views.listing, name="listing"),
    path("listings/<str:reference>/<str:verb>/", views.listing_action, name="listing_action"),
    path("requests/", views.requests_page, name="requests"),
    path("requests/<int:request_id>/answer/", views.answer, name="answer"),
    path("access-log/", views.access_log, name="access_log"),
]
