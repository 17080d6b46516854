"""Bad input at City sign-in (issue 15): a token from another issuer, for another client, expired, a replayed state
or nonce. Each is refused with a clear page, and nothing is created."""

from html import unescape
from urllib.parse import urlsplit

import pytest

from eo13.accounts.models import Membership, User
from eo13.accounts.oidc_tokens import SignInRefused, id_token_claims, provider_keys
from eo13.audit.models import AuditEntry
from tests.oidc_provider import (
    CLIENT_ID,
    TESTSERVER,
    code_for_other_client,
    id_token_for_other_client,
    provider_sign_in,
    sign_in,
)

pytestmark = pytest.mark.django_db


def _counts():
    return User.objects.count(), Membership.objects.count()


def _signed_in_token(client) -> str:
    sign_in(client, "frontline-ana")
    return client.session["oidc_id_token"]


def _check(raw, issuer, **kw):
    args = {"jwks": provider_keys(issuer), "issuer": issuer, "client_id": CLIENT_ID, "nonce": None}
    args.update(kw)
    return id_token_claims(raw, **args)


def test_a_genuine_token_passes_every_check(city_sign_in, client):
    raw = _signed_in_token(client)
    import jwt

    nonce = jwt.decode(raw, options={"verify_signature": False})["nonce"]
    claims = _check(raw, city_sign_in.issuer, nonce=nonce)
    assert claims["sub"] == "frontline-ana" and claims["aud"] == CLIENT_ID


@pytest.mark.parametrize("case", ["expired", "nonce", "issuer", "audience", "tampered"])
def test_tokens_that_fail_a_check_are_refused(city_sign_in, other_oidc_provider, client, case):
    raw = _signed_in_token(client)
    import jwt

    claims = jwt.decode(raw, options={"verify_signature": False})
    issuer, kw = city_sign_in.issuer, {"nonce": claims["nonce"]}
    expected = case
    if case == "expired":
        kw["now"] = claims["exp"] + 3600  # the same token, read an hour after it ran out
    elif case == "nonce":
        kw["nonce"] = "the-nonce-of-an-earlier-sign-in"
    elif case == "issuer":
        # A genuine token of another provider, checked as EO13 checks the City's.
        raw = id_token_for_other_client(other_oidc_provider.issuer, "frontline-ana")
    elif case == "audience":
        # A genuine token of the City's provider, made for another City app.
        raw = id_token_for_other_client(issuer, "frontline-ana")
    elif case == "tampered":
        head, body, sig = raw.split(".")
        raw = ".".join([head, body, sig[:-4] + ("AAAA" if not sig.endswith("AAAA") else "BBBB")])
        expected = "signature"
    with pytest.raises(SignInRefused) as refused:
        _check(raw, issuer, **kw)
    assert refused.value.reason == expected


def test_a_replayed_callback_is_refused_and_creates_nothing(city_sign_in, client):
    start = client.get("/oidc/authenticate/")
    back = provider_sign_in(start["Location"], "lead-ben", f"{TESTSERVER}/oidc/callback/")
    parts = urlsplit(back)
    first = client.get(f"{parts.path}?{parts.query}")
    assert first.status_code == 302
    client.post("/accounts/logout/")
    before = _counts()
    again = client.get(f"{parts.path}?{parts.query}")  # the same state and code a second time
    assert again.status_code == 403 and b'data-reason="state"' in again.content
    assert _counts() == before
    assert client.get("/staff/").status_code == 302


def test_a_callback_with_an_unknown_state_is_refused(city_sign_in, client):
    before = _counts()
    response = client.get("/oidc/callback/?code=made-up&state=made-up")
    assert response.status_code == 403
    assert "Start again" in unescape(response.content.decode())
    assert _counts() == before


def test_a_code_issued_to_another_client_is_refused_and_creates_nothing(city_sign_in, client):
    """EO13's state is real, but the code was made for another City app: the provider refuses to exchange it."""
    start = client.get("/oidc/authenticate/")
    state = dict(p.split("=", 1) for p in urlsplit(start["Location"]).query.split("&"))["state"]
    code, _ = code_for_other_client(city_sign_in.issuer, "lead-ben")
    before = _counts()
    response = client.get(f"/oidc/callback/?code={code}&state={state}")
    assert response.status_code == 403
    assert _counts() == before


def test_a_code_from_another_issuer_is_refused(city_sign_in, other_oidc_provider, client):
    start = client.get("/oidc/authenticate/")
    state = dict(p.split("=", 1) for p in urlsplit(start["Location"]).query.split("&"))["state"]
    code, _ = code_for_other_client(other_oidc_provider.issuer, "lead-ben")
    before = _counts()
    response = client.get(f"/oidc/callback/?code={code}&state={state}")
    assert response.status_code == 403
    assert _counts() == before


def test_the_provider_saying_no_is_a_clear_page(city_sign_in, client):
    start = client.get("/oidc/authenticate/")
    state = dict(p.split("=", 1) for p in urlsplit(start["Location"]).query.split("&"))["state"]
    response = client.get(f"/oidc/callback/?error=access_denied&state={state}")
    assert response.status_code == 403 and b'data-reason="denied"' in response.content
    # A refused sign-in leaves an audit entry with the reason (issue 15).
    refused = AuditEntry.objects.filter(action="user.sign_in_refused").last()
    assert refused is not None and refused.changes == {"method": "city", "reason": "denied"}


def test_city_sign_in_is_absent_when_not_configured(client, db):
    assert client.get("/oidc/authenticate/").status_code == 404
    assert b"Sign in with your City account" not in client.get("/accounts/login/").content
