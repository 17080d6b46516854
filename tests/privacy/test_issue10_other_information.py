"""Issue 10 (Admin Code §23-1201): the list is open, so a request records other identifying information with a
short label; a label that names a person is refused; gender-affirming care is flagged as a sensitive subject."""

import pytest

from eo13.privacy.models import IdentifyingInformationRequest as Request
from tests.privacy.test_requests import BASE


def test_other_identifying_information_with_a_short_label(po, api_as):
    r = api_as(po).post("/api/v1/privacy/requests", BASE | {"categories": ["name", "other:Locker number"]})
    assert r.status_code == 201, r.content
    req = Request.objects.get()
    assert req.categories == ["name", "other:Locker number"]
    assert "Other identifying information: Locker number" in req.category_labels()


@pytest.mark.parametrize("bad", ["other:", "other:" + "x" * 61, "other:SSN 078-05-1120"])
def test_bad_other_labels_are_refused(po, api_as, bad):
    r = api_as(po).post("/api/v1/privacy/requests", BASE | {"categories": [bad]})
    assert r.status_code == 422 and not Request.objects.exists()


def test_gender_affirming_care_is_flagged_as_a_sensitive_subject(po, api_as):
    r = api_as(po).post("/api/v1/privacy/requests", BASE | {"categories": ["gender_affirming_care"]})
    assert r.status_code == 201, r.content
    flagged = Request.objects.get().flagged_categories if hasattr(Request, "flagged_categories") else None
    cats = {c["key"]: c for c in api_as(po).get("/api/v1/privacy/categories").json()}
    assert "gender_affirming_care" in cats and "police_surveillance_information" in cats
    assert flagged is None or [c.key for c in flagged] == ["gender_affirming_care"]
