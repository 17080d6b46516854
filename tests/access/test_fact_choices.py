"""The access app's choices are the law's values, written once in eo13.law.facts (issue 11, point 4)."""

from eo13.access.forms import AgreementForm
from eo13.access.models.encounters import DocumentShown
from eo13.law.facts import Form, Use


def test_the_access_app_reuses_the_laws_values():
    assert [c for c, _ in AgreementForm.base_fields["uses"].choices] == [u.value for u in Use]
    assert {f.value for f in Form} - {"other"} <= set(DocumentShown.values)
