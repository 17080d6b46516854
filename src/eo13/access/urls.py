"""Web routes of the access app."""

from django.urls import URLPattern, URLResolver

app_name = "access"
urlpatterns: list[URLPattern | URLResolver] = []
