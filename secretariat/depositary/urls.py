from django.urls import URLPattern, URLResolver

app_name = "depositary"

urlpatterns: list[URLPattern | URLResolver] = []
