from django.urls import URLPattern, URLResolver

app_name = "entrybans"

urlpatterns: list[URLPattern | URLResolver] = []
