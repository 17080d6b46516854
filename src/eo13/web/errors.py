"""The web's half of the one translation of service errors into HTTP (issue 11 point 5).

Each service error carries its HTTP status (``eo13.errors``). The API answers it with the error object of
INTERFACES §2 (``eo13.api``); the web answers it here, one of two ways:
- on a form (``form_error``): the message goes on the field it names, or on the whole form, and the page is shown
  again so the person can fix it, except a missing record the form does not name, which is a 404;
- anywhere else (``ServiceErrorMiddleware``): 404 and 403 as the site's own error pages, any other status as the
  plain error page with the service's message and status, never a 500.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.handlers.exception import response_for_exception
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from eo13.errors import EO13Error, NotFound, PermissionDenied


def form_field(form: forms.BaseForm, exc: EO13Error) -> str | None:
    """The form's field the error names (``assigned_officer_id`` names ``assigned_officer``), or None."""
    fields = getattr(form, "fields", {})
    if exc.field in fields:
        return exc.field
    if exc.field and exc.field.removesuffix("_id") in fields:
        return exc.field.removesuffix("_id")
    return None


def form_error(form: forms.BaseForm, exc: EO13Error) -> None:
    """Show a service's refusal on the form. A record that is gone (not one the form names) is a 404 instead."""
    field = form_field(form, exc)
    if isinstance(exc, NotFound) and field is None:
        raise exc
    form.add_error(field, exc.message)


def http_error(exc: EO13Error) -> Exception:
    """The Django exception that shows a 404 or 403 service error as the site's own page."""
    if isinstance(exc, NotFound):
        return Http404(exc.message)
    if isinstance(exc, PermissionDenied):
        return DjangoPermissionDenied(exc.message)
    raise ValueError(f"no Django exception for status {exc.status}")


class ServiceErrorMiddleware:
    """A service error a view did not handle becomes its HTTP error here, once for every staff page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, EO13Error):
            return None
        if isinstance(exception, NotFound | PermissionDenied):
            return response_for_exception(request, http_error(exception))
        context = {"status": exception.status, "message": exception.message}
        return render(request, "error.html", context, status=exception.status)
