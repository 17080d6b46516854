"""Web routes of the committee app."""

from django.urls import URLPattern, URLResolver

app_name = "committee"
urlpatterns: list[URLPattern | URLResolver] = []
