from django.urls import path

from secretariat.assistance import views

app_name = "assistance"

urlpatterns = [
    path("", views.index, name="index"),
    path("requests/new/", views.new_request, name="new_request"),
    path("requests/<slug:code>/", views.request_detail, name="request"),
    path("requests/<slug:code>/withdraw/", views.withdraw_request, name="withdraw_request"),
    path("requests/<slug:code>/<str:step>/", views.request_step, name="request_step"),
    path("missions/<slug:code>/", views.mission_detail, name="mission"),
    path("missions/<slug:code>/deploy/", views.deploy, name="deploy"),
    path("missions/<slug:code>/withdrawal/", views.withdraw_forces, name="withdraw_forces"),
]
