"""Session rules (issue 15): idle timeout by role, absolute timeout, sign out everywhere. Times are set in the session
explicitly; nothing waits."""

import time

import pytest

from eo13.accounts.models import APIToken
from eo13.accounts.tokens import token_create
from eo13.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _age(client, *, idle_minutes: float = 0, signed_in_hours: float = 0) -> None:
    session = client.session
    now = time.time()
    session["eo13_last_seen"] = now - idle_minutes * 60
    session["eo13_signed_in_at"] = now - max(signed_in_hours * 3600, idle_minutes * 60)
    session.save()


@pytest.mark.parametrize(
    "role, idle_minutes, still_in",
    [
        ("city_hall", 29, True),
        ("city_hall", 31, False),
        ("privacy_officer", 31, False),
        ("auditor", 31, False),
        ("frontline", 31, True),
        ("frontline", 11 * 60, True),
        ("agency_lead", 12 * 60 + 1, False),
    ],
)
def test_idle_timeout_depends_on_the_role(make_user, login, settings, role, idle_minutes, still_in):
    settings.EO13_SESSION_ABSOLUTE_HOURS = 24  # the idle rule alone
    agency = "CITYHALL" if role == "city_hall" else ("DOI" if role == "auditor" else "ACS")
    client = login(make_user(role, agency))
    _age(client, idle_minutes=idle_minutes)
    response = client.get("/staff/")
    if still_in:
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and "ended=idle" in response["Location"]
        follow = client.get(response["Location"])
        assert b"did nothing for a while" in follow.content
        assert client.get("/staff/").status_code == 302


def test_the_committee_chair_counts_as_privileged(make_user, login):
    client = login(make_user("committee", "CITYHALL", is_chair=True))
    _age(client, idle_minutes=31)
    assert client.get("/staff/").status_code == 302


def test_absolute_timeout_ends_even_a_busy_session(make_user, login):
    client = login(make_user("frontline"))
    _age(client, idle_minutes=1, signed_in_hours=12.5)
    response = client.get("/staff/")
    assert response.status_code == 302 and "ended=absolute" in response["Location"]


def test_an_ended_session_answers_the_api_with_401(make_user, login):
    client = login(make_user("frontline"))
    _age(client, idle_minutes=13 * 60)
    assert client.get("/api/v1/me").status_code == 401


def test_sign_out_everywhere_ends_other_sessions_and_tokens(make_user, login):
    user = make_user("agency_lead")
    laptop, phone = login(user), login(user)
    _, raw = token_create(actor=user, name="script")
    response = laptop.post("/accounts/sign-out-everywhere/")
    assert b"every device" in response.content
    assert phone.get("/staff/").status_code == 302
    assert laptop.get("/staff/").status_code == 302
    assert AuditEntry.objects.filter(action="user.sessions_revoke", object_id=str(user.pk)).exists()
    # The web button ends sessions; the API one also revokes tokens.
    assert client_with_token(raw).get("/api/v1/me").status_code == 200
    again = login(user)
    assert again.post("/api/v1/auth/sign-out-everywhere", {}, content_type="application/json").status_code == 204
    assert not APIToken.objects.filter(user=user, revoked_at__isnull=True).exists()
    assert client_with_token(raw).get("/api/v1/me").status_code == 401


def client_with_token(raw):
    from tests.conftest import APIClient

    return APIClient(raw)


def test_a_new_sign_in_after_sign_out_everywhere_works(make_user, login):
    user = make_user("frontline")
    login(user).post("/accounts/sign-out-everywhere/")
    assert login(user).get("/staff/").status_code == 200
