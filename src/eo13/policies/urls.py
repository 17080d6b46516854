"""Web routes of the policies app."""

from django.urls import URLPattern, URLResolver

app_name = "policies"
urlpatterns: list[URLPattern | URLResolver] = []
