"""Helpers shared by the privacy app's views: turn service errors into form errors or HTTP errors."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from eo13.errors import EO13Error
from eo13.scrub import ReportsRemoved, removed_note
from eo13.web.errors import form_error


def run(request: HttpRequest, form: forms.Form, call: Callable[[], Any], done: str) -> Any:
    """Call a service; on success say ``done`` (and what the scrubber removed) and return the result.
    On a rule the service enforces, put the message on the form and return None."""
    try:
        result = call()
    except EO13Error as exc:
        form_error(form, exc)
        return None
    messages.success(request, done)
    note = removed_note(result.scrubbed if isinstance(result, ReportsRemoved) else ())
    if note:
        messages.warning(request, note)
    return result


def guard(call: Callable[[], Any]) -> Any:
    """Run a selector; a role or agency the user lacks becomes 403, a missing record 404 (eo13.web.errors)."""
    return call()
