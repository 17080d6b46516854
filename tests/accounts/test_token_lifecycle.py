"""API tokens expire, die with a password change or deactivation, and reads stay reads (issue 9, Medium 3 and 7)."""

import json
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eo13.accounts.models import APIToken, User
from eo13.accounts.tokens import token_create
from eo13.audit.models import AuditEntry
from tests.conftest import PASSWORD


def _me(raw: str) -> int:
    return Client().get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code


def _revoked_for(user, reason):
    return AuditEntry.objects.filter(action="api_token.revoke", changes__reason__new=reason).count()


@pytest.mark.django_db
def test_a_password_change_revokes_every_token_and_says_why(make_user, login):
    user = make_user("frontline")
    raws = [token_create(actor=user, name=f"t{i}")[1] for i in range(2)]
    assert [_me(r) for r in raws] == [200, 200]
    r = login(user).post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-passphrase-77",
            "new_password2": "a-new-long-passphrase-77",
        },
    )
    assert r.status_code == 302
    assert [_me(r) for r in raws] == [401, 401]
    assert not APIToken.objects.filter(user=user, revoked_at__isnull=True).exists()
    assert _revoked_for(user, "password_change") == 2


@pytest.mark.django_db
def test_deactivating_a_person_revokes_their_tokens(make_user):
    user = make_user("agency_lead")
    other = make_user("agency_lead")
    _, raw = token_create(actor=user)
    _, others = token_create(actor=other)
    user.is_active = False
    user.save()
    assert APIToken.objects.get(user=user).revoked_at is not None
    assert _revoked_for(user, "deactivated") == 1
    # Turning the account back on does not bring the token back; someone else's token is untouched.
    User.objects.filter(pk=user.pk).update(is_active=True)
    assert _me(raw) == 401 and _me(others) == 200


@pytest.mark.django_db
def test_saving_a_person_without_changing_password_or_status_keeps_tokens(make_user):
    user = make_user("frontline")
    _, raw = token_create(actor=user)
    user.first_name = "Renamed"
    user.save()
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    assert _me(raw) == 200


@pytest.mark.django_db
def test_tokens_expire_after_the_configured_days_and_show_when(settings, make_user):
    settings.EO13_TOKEN_DAYS = 30
    user = make_user("frontline")
    r = Client().post(
        "/api/v1/auth/token",
        data=json.dumps({"username": user.username, "password": PASSWORD}),
        content_type="application/json",
    )
    assert r.status_code == 201
    body = r.json()
    token = APIToken.objects.get(user=user)
    assert token.expires_at - token.created_at == pytest.approx(timedelta(days=30), abs=timedelta(seconds=5))
    shown = datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00"))
    assert abs(shown - token.expires_at) < timedelta(milliseconds=1)
    listed = Client().get("/api/v1/auth/tokens", headers={"Authorization": f"Bearer {body['token']}"}).json()
    assert listed[0]["expires_at"] is not None
    APIToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert _me(body["token"]) == 401


@pytest.mark.django_db
def test_default_token_life_is_90_days(make_user):
    token, _ = token_create(actor=make_user("frontline"))
    assert (token.expires_at - token.created_at).days in (89, 90)


@pytest.mark.django_db
def test_last_use_is_written_at_most_once_a_minute(make_user):
    token, raw = token_create(actor=make_user("frontline"))
    assert _me(raw) == 200
    first = APIToken.objects.get(pk=token.pk).last_used_at
    assert first is not None
    with CaptureQueriesContext(connection) as queries:
        assert _me(raw) == 200
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].upper().startswith("UPDATE")]
    assert writes == []
    assert APIToken.objects.get(pk=token.pk).last_used_at == first
    APIToken.objects.filter(pk=token.pk).update(last_used_at=first - timedelta(minutes=2))
    assert _me(raw) == 200
    assert APIToken.objects.get(pk=token.pk).last_used_at > first - timedelta(minutes=2)


@pytest.mark.django_db
def test_staff_token_page_shows_each_tokens_expiry_and_state(make_user, login):
    user = make_user("frontline")
    live, _ = token_create(actor=user, name="Reporting script")
    old, _ = token_create(actor=user, name="Old laptop")
    APIToken.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(days=1))
    page = login(user).get("/accounts/tokens/").content.decode()
    assert "Reporting script" in page and timezone.localtime(live.expires_at).date().isoformat() in page
    assert "Expired" in page and "Works" in page
    assert "Old laptop" not in login(make_user("frontline")).get("/accounts/tokens/").content.decode()
