"""Helpers shared by the privacy app's views: turn service errors into form errors or HTTP errors."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest

from eo13.errors import ConflictError, EO13Error, NotFound, PermissionDenied

SCRUB_TEXT = {
    "email": "an e-mail address",
    "a_number": "an A-number",
    "ssn": "a Social Security number",
    "date_of_birth": "a date of birth",
    "phone": "a phone number",
    "street_address": "an address",
    "immigration_status": "immigration status",
    "name": "a name",
    "identifier": "an ID number",
}


def run(request: HttpRequest, form: forms.Form, call: Callable[[], Any], done: str) -> Any:
    """Call a service; on success say ``done`` (and what the scrubber removed) and return the result.
    On a rule the service enforces, put the message on the form and return None."""
    try:
        result = call()
    except PermissionDenied as exc:
        raise DjangoPermissionDenied(exc.message) from None
    except NotFound as exc:
        raise Http404(exc.message) from None
    except (ConflictError, EO13Error) as exc:
        field = exc.field if exc.field in form.fields else None
        if field is None and exc.field and exc.field.removesuffix("_id") in form.fields:
            field = exc.field.removesuffix("_id")
        form.add_error(field, exc.message)
        return None
    messages.success(request, done)
    removed = getattr(result, "scrubbed", None)
    if removed:
        kinds = ", ".join(SCRUB_TEXT.get(k, k) for k in removed)
        messages.warning(request, f"We removed {kinds} from what you wrote. EO13 never keeps who people are.")
    return result


def guard(call: Callable[[], Any]) -> Any:
    """Run a selector; a role or agency the user lacks becomes 403, a missing record 404."""
    try:
        return call()
    except PermissionDenied as exc:
        raise DjangoPermissionDenied(exc.message) from None
    except NotFound as exc:
        raise Http404(exc.message) from None
