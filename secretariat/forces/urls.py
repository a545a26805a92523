from django.urls import URLPattern, URLResolver

app_name = "forces"

urlpatterns: list[URLPattern | URLResolver] = []
