"""Public pages under /{lang}/ (INTERFACES §6). Mounted inside i18n_patterns by eo13/urls.py."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
