"""The project's URLs plus one bare JSON view: the limit the issue measures pages against (issue 14)."""

from django.http import HttpRequest, JsonResponse
from django.urls import path

from eo13.urls import urlpatterns as project_urls


def bare(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"ok": True})


urlpatterns = [path("bench/bare", bare), *project_urls]
