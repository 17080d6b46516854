"""One JSON log line and one metrics sample per request, tagged with a request id (issue 14).

The id comes from the proxy's ``X-Request-ID`` when it is a short token, otherwise a new one; it goes back in the
response header so a user's report can be matched to the log. The logged path never carries the query string as
sent: it is scrubbed with eo13.scrub, because people paste names and numbers into search boxes.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from urllib.parse import unquote_plus

from django.http import HttpRequest, HttpResponse

from eo13.ops import metrics
from eo13.ops.logs import request_id
from eo13.scrub import scrub_text

logger = logging.getLogger("eo13.request")
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_GOOD_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def logged_path(request: HttpRequest) -> str:
    """The URL pattern that answered and the query string, decoded and scrubbed. Never the path as typed: an
    address can carry a name or a number that no pattern of the scrubber recognises out of context."""
    query = unquote_plus(request.META.get("QUERY_STRING", ""))
    return route(request) + ("?" + scrub_text(query) if query else "")


def route(request: HttpRequest) -> str:
    """The URL pattern that answered (never the path as typed), so metrics labels hold no one's data."""
    match = getattr(request, "resolver_match", None)
    return "/" + match.route if match is not None and match.route else "<unmatched>"


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        start = time.perf_counter()
        given = request.headers.get("X-Request-ID", "")
        rid = given if _GOOD_ID.match(given) else uuid.uuid4().hex
        token = request_id.set(rid)
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = rid
            seconds = time.perf_counter() - start
            method = request.method if request.method in _METHODS else "OTHER"
            metrics.observe(method, route(request), response.status_code, seconds)
            logger.info(
                "%s %s %s",
                request.method,
                logged_path(request),
                response.status_code,
                extra={
                    "method": request.method,
                    "path": logged_path(request),
                    "status": response.status_code,
                    "duration_ms": round(seconds * 1000, 2),
                },
            )
            return response
        finally:
            request_id.reset(token)
