"""Sign-in, API tokens, throttling and argon2 (DESIGN "Security"; INTERFACES §5)."""

import json

from django.conf import settings
from django.contrib.auth.hashers import identify_hasher

from eo13.accounts.models import APIToken, User
from eo13.audit.models import AuditEntry
from tests.conftest import PASSWORD


def _token(client, username, password):
    return client.post(
        "/api/v1/auth/token",
        data=json.dumps({"username": username, "password": password}),
        content_type="application/json",
        REMOTE_ADDR="10.9.8.7",
    )


def test_passwords_are_stored_with_argon2(make_user):
    user = make_user("frontline")
    assert identify_hasher(user.password).algorithm == "argon2"


def test_token_is_shown_once_and_stored_only_as_a_hash(client, make_user):
    user = make_user("agency_lead")
    r = _token(client, user.username, PASSWORD)
    assert r.status_code == 201
    raw = r.json()["token"]
    stored = APIToken.objects.get(user=user)
    assert raw not in (stored.digest, stored.prefix) and stored.digest != raw
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).json()["username"] == user.username
    assert AuditEntry.objects.filter(action="api_token.create", actor=user).exists()
    listed = client.get("/api/v1/auth/tokens", headers={"Authorization": f"Bearer {raw}"}).json()
    assert raw not in json.dumps(listed)


def test_bad_credentials_get_401_and_no_token(client, make_user):
    user = make_user("agency_lead")
    r = _token(client, user.username, "wrong-password")
    assert r.status_code == 401
    assert r.json() == {"error": "Wrong username or password."}
    assert not APIToken.objects.exists()


def test_api_sign_in_is_throttled_after_repeated_failures(client, make_user):
    user = make_user("agency_lead")
    limit = settings.AXES_FAILURE_LIMIT
    codes = [_token(client, user.username, "wrong").status_code for _ in range(limit)]
    # The failure that reaches the limit is itself answered with "too many".
    assert codes == [401] * (limit - 1) + [429]
    # Now even the right password is refused from this address until the cool-off ends.
    assert _token(client, user.username, PASSWORD).status_code == 429
    assert not APIToken.objects.exists()


def test_web_login_is_throttled(client, make_user):
    user = make_user("frontline")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        r = client.post("/accounts/login/", {"username": user.username, "password": "nope"})
        assert r.status_code == 200 and b"Wrong username or password" in r.content
    r = client.post("/accounts/login/", {"username": user.username, "password": "nope"})
    assert r.status_code == 429
    r = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert r.status_code == 429 and b"Sign-in is paused" in r.content
    assert "_auth_user_id" not in client.session


def test_login_logout_and_password_change(client, make_user):
    user = make_user("frontline")
    r = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD}, follow=True)
    assert r.redirect_chain[-1][0] == "/staff/"
    assert b"Front-line staff" in r.content
    r = client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-passphrase-77",
            "new_password2": "a-new-long-passphrase-77",
        },
        follow=True,
    )
    assert b"Your password was changed" in r.content
    assert AuditEntry.objects.filter(action="user.password_change", actor=user).exists()
    assert "a-new-long" not in json.dumps(list(AuditEntry.objects.values_list("changes", flat=True)))
    client.post("/accounts/logout/")
    assert client.get("/staff/").status_code == 302
    assert User.objects.get(pk=user.pk).check_password("a-new-long-passphrase-77")


def test_staff_pages_need_sign_in(client, db):
    for path in ["/staff/", "/staff/people/", "/staff/agencies/"]:
        r = client.get(path)
        assert r.status_code == 302 and r["Location"].startswith("/accounts/login/")


def test_session_and_csrf_cookies_are_httponly(client, make_user):
    user = make_user("frontline")
    client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert client.cookies[settings.SESSION_COOKIE_NAME]["httponly"]


def test_admin_is_for_superusers_only(client, make_user):
    from eo13.accounts.models import User

    staff = make_user("city_hall", "CITYHALL")
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    assert client.get("/admin/").status_code == 302
    root = User.objects.create_superuser("root-test", "root@example.nyc.test", "a-long-superuser-passphrase-9")
    client.force_login(root)
    assert client.get("/admin/").status_code == 200
