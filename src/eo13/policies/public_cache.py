"""Caching the public pages (issue 6: "fast: cached, small pages").

A rendered public page is kept in the cache under the site's *generation*, a number that every publish or
approval bumps once its transaction commits, so a change shows at once (EO 13 §2(1): changes "promptly
reflected"). With a per-process cache (the default), other processes see the change when their copy expires,
after PAGE_SECONDS at most; with a shared cache (CACHE_URL), at once. Signed-in staff always get a fresh page.
"""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.translation import get_language

GENERATION_KEY = "eo13:public:generation"
PAGE_SECONDS = 60


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, None)
        value = cache.get(GENERATION_KEY, 1)
    return int(value)


def bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def _etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def _finish(request: HttpRequest, response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    # Browsers ask again each time (cheap: a 304 when nothing changed), so a new version is never hidden.
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    conditional = get_conditional_response(request, etag=etag, response=response)
    return conditional if conditional is not None else response


def cached_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = getattr(request, "user", None)
        if request.method not in ("GET", "HEAD") or getattr(user, "is_authenticated", False):
            return view(request, *args, **kwargs)
        # The ETag is kept with the page, so a hit costs no hashing (issue 14: the home page near the bare view).
        key = f"eo13:public:page:{generation()}:{get_language()}:{request.get_full_path()}"
        hit = cache.get(key)
        if hit is not None:
            content, content_type, etag = hit
            response = HttpResponse(content, content_type=content_type)
            response["X-EO13-Cache"] = "hit"
            return _finish(request, response, etag)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response.render()
        if response.status_code == 200:
            etag = _etag(response.content)
            cache.set(key, (response.content, response["Content-Type"], etag), PAGE_SECONDS)
            response["X-EO13-Cache"] = "miss"
            return _finish(request, response, etag)
        return response

    return wrapper
