"""Shared by the Committee's staff views: run a service from a valid form and show its error on the right field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from eo13.errors import EO13Error
from eo13.web.errors import form_error


def run(request: HttpRequest, form: forms.Form, call: Callable[[dict[str, Any]], Any], done: str) -> Any:
    """Call the service with the form's clean data. Returns its result, or None with the error on the form."""
    if not form.is_valid():
        return None
    try:
        result = call(form.cleaned_data)
    except EO13Error as exc:
        form_error(form, exc)
        return None
    messages.success(request, done)
    return result
