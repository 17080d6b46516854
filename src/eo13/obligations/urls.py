"""Web routes of the obligations app."""

from django.urls import URLPattern, URLResolver

app_name = "obligations"
urlpatterns: list[URLPattern | URLResolver] = []
