"""The counsel contact staff are told to call must be a real e-mail address and a dialable phone number
(issue 9, Low). Bad input gets a clear error and changes nothing."""

import pytest

from eo13.agencies.models import Agency

pytestmark = pytest.mark.django_db

GOOD = {"counsel_name": "Demo Counsel Office", "counsel_email": "demo-counsel@example.nyc.test"}


@pytest.mark.parametrize(
    "phone, ok",
    [
        ("212-555-0199", True),
        ("(212) 555-0199", True),
        ("+1 212 555 0199", True),
        ("212.555.0199 ext. 12", True),
        ("212-555-0199 x7", True),
        ("311", True),
        ("1", False),
        ("555-0199", False),
        ("call Maria at home", False),
        ("212-555-0199; DROP TABLE", False),
        ("012-555-0199", False),
        ("2" * 41, False),
        ("", False),
    ],
)
def test_counsel_phone_must_be_dialable(api_as, make_user, phone, ok):
    acs = Agency.objects.get(code="ACS")
    before = acs.counsel_phone
    r = api_as(make_user("city_hall", "CITYHALL")).patch(
        "/api/v1/agencies/ACS/counsel", {**GOOD, "counsel_phone": phone, "version": acs.version}
    )
    if ok:
        assert r.status_code == 200 and r.json()["counsel_phone"] == phone
    else:
        assert r.status_code == 422 and r.json()["field"] == "counsel_phone"
        assert "phone number like" in r.json()["error"]
        assert Agency.objects.get(code="ACS").counsel_phone == before


@pytest.mark.parametrize(
    "email, ok",
    [
        ("counsel@acs.nyc.gov", True),
        ("not-an-email", False),
        ("two@@example.nyc.test", False),
        ("a@b", False),
        ("x" * 250 + "@example.nyc.test", False),
        ("", False),
    ],
)
def test_counsel_email_must_be_an_address(api_as, make_user, email, ok):
    acs = Agency.objects.get(code="ACS")
    r = api_as(make_user("city_hall", "CITYHALL")).patch(
        "/api/v1/agencies/ACS/counsel",
        {**GOOD, "counsel_email": email, "counsel_phone": "212-555-0100", "version": acs.version},
    )
    assert (r.status_code == 200) is ok
    if not ok:
        assert r.status_code == 422 and r.json()["field"] == "counsel_email"
        assert Agency.objects.get(code="ACS").counsel_email == acs.counsel_email


def test_web_form_names_the_bad_phone(login, make_user):
    acs = Agency.objects.get(code="ACS")
    r = login(make_user("city_hall", "CITYHALL")).post(
        "/staff/agencies/ACS/", {**GOOD, "counsel_phone": "call me", "version": acs.version}
    )
    assert r.status_code == 200 and b"Enter a phone number like 212-555-0100" in r.content
    assert Agency.objects.get(code="ACS").counsel_phone == acs.counsel_phone
