"""One translation of service errors (issue 11 point 5): the same error gets the same HTTP status on the web as in
the API, and on a form it is shown on the field it names."""

from typing import Any

import pytest
from django import forms
from django.test import RequestFactory

from eo13.errors import ConflictError, EO13Error, NotFound, PermissionDenied, StorageFull, ValidationFailed
from eo13.web.errors import ServiceErrorMiddleware, form_error

ERRORS = [
    pytest.param(ValidationFailed("Give a date.", field="due"), 422, id="validation"),
    pytest.param(PermissionDenied("Not your agency."), 403, id="permission"),
    pytest.param(NotFound("No such duty."), 404, id="not found"),
    pytest.param(ConflictError("Someone else changed this."), 409, id="conflict"),
    pytest.param(StorageFull("The disk is full."), 507, id="storage full"),
]


@pytest.mark.parametrize(("exc", "status"), ERRORS)
def test_a_page_answers_with_the_status_the_api_gives(exc: EO13Error, status: int) -> None:
    request = RequestFactory().get("/staff/anything/")
    response = ServiceErrorMiddleware(lambda r: None).process_exception(request, exc)
    assert response is not None and response.status_code == status == exc.status


def test_other_exceptions_are_left_alone() -> None:
    request = RequestFactory().get("/staff/anything/")
    assert ServiceErrorMiddleware(lambda r: None).process_exception(request, ValueError("x")) is None


class _Form(forms.Form):
    due = forms.DateField(required=False)
    assigned_officer = forms.IntegerField(required=False)


@pytest.mark.parametrize(
    ("exc", "field"),
    [
        (ValidationFailed("Give a date.", field="due"), "due"),
        (ConflictError("Someone else changed this."), None),
        (PermissionDenied("A second person must approve."), None),
        (NotFound("No such officer.", field="assigned_officer_id"), "assigned_officer"),
    ],
)
def test_a_form_shows_the_error_on_the_field_it_names(exc: EO13Error, field: Any) -> None:
    form = _Form({})
    form.is_valid()
    form_error(form, exc)
    assert form.errors[field or "__all__"] == [exc.message]


def test_a_missing_record_the_form_does_not_name_is_a_404() -> None:
    form = _Form({})
    form.is_valid()
    with pytest.raises(NotFound):
        form_error(form, NotFound("No such duty."))
