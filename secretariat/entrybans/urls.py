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
    path("requests/<int:request_id>/review/", views.refer_to_review, name="refer_to_review"),
    path("reviews/", views.reviews, name="reviews"),
    path("reviews/<int:review_id>/<str:verb>/", views.review_action, name="review_action"),
    path("purpose-notices/", views.purpose_notices, name="purpose_notices"),
    path(
        "purpose-notices/<int:notice_id>/answer/",
        views.answer_purpose_notice,
        name="answer_purpose_notice",
    ),
    path("hit-reports/", views.hit_reports, name="hit_reports"),
    path("hit-reports/<int:report_id>/answer/", views.answer_hit_report, name="answer_hit_report"),
    path("access-log/", views.access_log, name="access_log"),
]
