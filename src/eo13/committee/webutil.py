"""Shared by the Committee's staff views: run a service from a valid form and show its error on the right field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from eo13.errors import ConflictError, PermissionDenied, ValidationFailed


def run(request: HttpRequest, form: forms.Form, call: Callable[[dict[str, Any]], Any], done: str) -> Any:
    """Call the service with the form's clean data. Returns its result, or None with the error on the form."""
    if not form.is_valid():
        return None
    try:
        result = call(form.cleaned_data)
    except (ValidationFailed, ConflictError) as exc:
        field = exc.field if exc.field in form.fields else None
        form.add_error(field, exc.message)
        return None
    except PermissionDenied:
        raise
    messages.success(request, done)
    return result
