"""Staff pages are in English; only the public site (under /{lang}/) follows the visitor's language."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

STAFF_PREFIXES = ("/staff/", "/accounts/", "/admin/", "/api/")


class StaffLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(STAFF_PREFIXES):
            translation.activate("en")
            request.LANGUAGE_CODE = "en"
        return self.get_response(request)
