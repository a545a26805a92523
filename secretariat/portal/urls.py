from django.urls import path

from secretariat.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("journal/", views.journal, name="journal"),
]
