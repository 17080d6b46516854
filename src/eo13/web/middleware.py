"""Staff pages are in English; only the public site (under /{lang}/) follows the visitor's language."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse, QueryDict
from django.utils import translation
from django.utils.cache import patch_cache_control

from eo13.api_limits import QUERY_MAX, TEXT_MAX, bad_text

STAFF_PREFIXES = ("/staff/", "/accounts/", "/admin/", "/api/")


class StaffLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(STAFF_PREFIXES):
            translation.activate("en")
            request.LANGUAGE_CODE = "en"
        return self.get_response(request)


# Pages and answers that show records of a person's agency: never kept by a browser or shared cache (issue 9).
PRIVATE_PREFIXES = ("/staff/", "/accounts/", "/admin/", "/api/")


class NoStoreMiddleware:
    """`Cache-Control: no-store` on staff pages, API answers and evidence downloads (all under PRIVATE_PREFIXES)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith(PRIVATE_PREFIXES):
            patch_cache_control(response, no_store=True, private=True)
        return response


_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class HostileInputMiddleware:
    """Refuse, with a 400 before any view, a path, query string or form post holding characters PostgreSQL cannot
    store (NUL, lone surrogates) or query values longer than any search needs. JSON bodies are checked by the API's
    parser (`eo13.api_limits.LimitedParser`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        problem = self._problem(request)
        if problem is not None:
            message, field = problem
            if request.path_info.startswith("/api/"):
                return JsonResponse({"error": message, "field": field}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _problem(request: HttpRequest) -> tuple[str, str] | None:
        if bad_text(request.path_info):
            return "The address has an invalid character.", "path"
        sources: list[tuple[QueryDict, int]] = [(request.GET, QUERY_MAX)]
        if request.method == "POST" and request.content_type in _FORM_TYPES:
            sources.append((request.POST, TEXT_MAX))
        for data, limit in sources:
            for key, values in data.lists():
                reason = bad_text(key)
                for value in values:
                    reason = reason or bad_text(value)
                    if reason is None and len(value) > limit:
                        reason = f"Too long: at most {limit:,} characters."
                if reason:
                    return reason, key if not bad_text(key) else ""
        return None
