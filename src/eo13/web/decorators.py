"""Decorators shared by staff views."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse


def staff_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed-in only. A record the user may not see is a plain 404, a refused role a 403, never a 500: that
    translation is ``eo13.web.errors``, for every page."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return view(request, *args, **kwargs)

    return wrapper
