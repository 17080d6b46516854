"""Sign-in throttling and the client address (issue 9, Medium 2; README "Sign-in throttling")."""

import json

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from eo13.accounts.client_ip import client_ip
from eo13.accounts.models import SignInThrottle
from eo13.accounts.throttle import DEVICE_COOKIE
from tests.conftest import PASSWORD


class _Req:
    def __init__(self, remote: str, xff: str | None = None) -> None:
        self.META = {"REMOTE_ADDR": remote}
        if xff is not None:
            self.META["HTTP_X_FORWARDED_FOR"] = xff


@pytest.mark.parametrize(
    "trusted, remote, xff, expected",
    [
        ([], "198.51.100.7", None, "198.51.100.7"),
        # No trusted proxy configured: a forwarded header is the sender's own claim and is ignored.
        ([], "198.51.100.7", "203.0.113.9", "198.51.100.7"),
        # From an untrusted address, forwarded headers are ignored even when proxies are configured.
        (["10.0.0.0/8"], "198.51.100.7", "203.0.113.9", "198.51.100.7"),
        # From a trusted proxy: the right-most address that is not a trusted proxy.
        (["10.0.0.0/8"], "10.0.0.2", "203.0.113.9", "203.0.113.9"),
        (["10.0.0.0/8"], "10.0.0.2", "1.2.3.4, 203.0.113.9", "203.0.113.9"),
        (["10.0.0.0/8"], "10.0.0.2", "1.2.3.4, 203.0.113.9, 10.1.1.1", "203.0.113.9"),
        (["10.0.0.2", "2001:db8::/32"], "2001:db8::1", "203.0.113.9:4431", "203.0.113.9"),
        # Garbage where a proxy would have written an address: the nearest trusted proxy is all we know.
        (["10.0.0.0/8"], "10.0.0.2", "not-an-address", "10.0.0.2"),
        (["10.0.0.0/8"], "10.0.0.2", "", "10.0.0.2"),
        ([], "", None, "unknown"),
    ],
)
def test_client_ip_trusts_forwarded_addresses_only_from_configured_proxies(settings, trusted, remote, xff, expected):
    settings.EO13_TRUSTED_PROXIES = trusted
    assert client_ip(_Req(remote, xff)) == expected


def _token(client, username, password, remote="198.51.100.20", xff=None):
    extra = {"REMOTE_ADDR": remote}
    if xff:
        extra["HTTP_X_FORWARDED_FOR"] = xff
    return client.post(
        "/api/v1/auth/token",
        data=json.dumps({"username": username, "password": password}),
        content_type="application/json",
        **extra,
    )


@pytest.mark.django_db
def test_a_new_x_forwarded_for_each_time_does_not_escape_the_anonymous_rate_limit(client):
    cache.clear()
    codes = [
        _token(client, f"nobody-{i}", "wrong", remote="198.51.100.21", xff=f"203.0.113.{i}").status_code
        for i in range(11)
    ]
    assert codes == [401] * 10 + [429]


def _login(client, username, password, remote="198.51.100.30"):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=remote)


@pytest.mark.django_db
def test_waits_grow_with_each_failure_after_the_free_tries(client, make_user):
    user = make_user("frontline")
    codes = [_token(client, user.username, "wrong").status_code for _ in range(5)]
    assert codes == [401] * 4 + [429]
    r = _token(client, user.username, PASSWORD)
    assert r.status_code == 429 and r.json()["error"] == "Too many failed sign-ins. Try again in 1 minute."
    # The wait passes; the next wrong password earns a longer one, and the one after that longer still.
    for expected in ("2 minutes", "4 minutes"):
        SignInThrottle.objects.update(locked_until=timezone.now())
        assert _token(client, user.username, "wrong").json()["error"].endswith(f"in {expected}.")
    SignInThrottle.objects.update(locked_until=timezone.now())
    assert _token(client, user.username, PASSWORD).status_code == 201


@pytest.mark.django_db
def test_an_attacker_at_the_same_address_cannot_lock_a_person_out_of_their_own_browser(make_user):
    victim = make_user("frontline")
    office = "198.51.100.40"  # one shared proxy address for everyone in the office
    browser = Client()
    assert _login(browser, victim.username, PASSWORD, office).status_code == 302
    assert DEVICE_COOKIE in browser.cookies
    browser.post("/accounts/logout/")

    attacker = Client()
    for _ in range(25):
        _login(attacker, victim.username, "guess", office)
    r = _login(attacker, victim.username, PASSWORD, office)
    assert r.status_code == 429 and b"Sign-in is paused" in r.content

    # The person's own browser, holding the device cookie from their earlier sign-in, is not slowed.
    r = _login(browser, victim.username, PASSWORD, office)
    assert r.status_code == 302 and "_auth_user_id" in browser.session


@pytest.mark.django_db
def test_failures_from_many_addresses_slow_down_browsers_the_account_never_used(make_user):
    user = make_user("frontline")
    attacker = Client()
    codes = [_login(attacker, user.username, "guess", f"203.0.113.{i}").status_code for i in range(10)]
    assert codes[:9] == [200] * 9 and codes[9] == 429
    r = _login(Client(), user.username, PASSWORD, "203.0.113.200")
    assert r.status_code == 429


@pytest.mark.django_db
def test_a_device_cookie_for_another_account_does_not_help(make_user):
    mine, theirs = make_user("frontline"), make_user("frontline")
    browser = Client()
    assert _login(browser, mine.username, PASSWORD).status_code == 302
    browser.post("/accounts/logout/")
    codes = [_login(browser, theirs.username, "guess").status_code for _ in range(5)]
    assert codes == [200] * 4 + [429]


@pytest.mark.django_db
def test_axes_keeps_neither_the_failed_form_nor_a_forged_address(settings, make_user):
    settings.EO13_TRUSTED_PROXIES = []
    user = make_user("frontline")
    Client().post(
        "/accounts/login/",
        {"username": user.username, "password": "wrong", "note": "SSN 123-45-6789"},
        REMOTE_ADDR="198.51.100.50",
        HTTP_X_FORWARDED_FOR="203.0.113.66",
    )
    attempt = AccessAttempt.objects.get()
    assert attempt.post_data == "" and attempt.get_data == ""
    assert attempt.ip_address == "198.51.100.50"
    # Counters are kept under keyed hashes: neither the username nor the address is stored in clear.
    keys = " ".join(SignInThrottle.objects.values_list("key", flat=True))
    assert user.username not in keys and "198.51.100.50" not in keys
