from django.urls import path

from secretariat.forces import views

app_name = "forces"

urlpatterns = [
    path("", views.index, name="index"),
    path("pledge/", views.pledge, name="pledge"),
]
