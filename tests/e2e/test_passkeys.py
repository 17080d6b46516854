"""Passkeys as the second factor (issue 15), in Chromium with its virtual authenticator (the DevTools WebAuthn
domain stands in for a phone's fingerprint reader): a City Hall user makes a passkey at the first sign-in, gets
recovery codes, and passes the second step with the passkey at the next sign-in."""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from eo13.audit.models import AuditEntry
from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def at_localhost(live_server, settings):
    """WebAuthn refuses IP addresses as the relying party, so the browser uses the name localhost."""
    port = urlsplit(live_server.url).port
    settings.EO13_MFA_REQUIRED = True
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [f"http://localhost:{port}"]

    class Server:
        url = f"http://localhost:{port}"

    return Server()


def _authenticator(page):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "internal",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
        "automaticPresenceSimulation": True,
    }
    return cdp, cdp.send("WebAuthn.addVirtualAuthenticator", {"options": options})["authenticatorId"]


def test_city_hall_makes_a_passkey_and_signs_in_with_it(at_localhost, make_user, desktop):
    page = desktop
    user = make_user("city_hall", "CITYHALL")
    cdp, authenticator = _authenticator(page)

    sign_in(page, at_localhost, user.username, PASSWORD)
    page.wait_for_url("**/accounts/second-factor/**")
    assert page.get_by_role("heading", name="Use a passkey (easiest)").is_visible()
    assert Axe().run(page).violations_count == 0
    page.get_by_role("button", name="Make a passkey").click()

    # Made: the recovery codes come once, then the staff pages.
    page.wait_for_url("**/accounts/second-factor/passkey-added/**")
    codes = page.locator("#recovery-codes li").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[0-9a-f]{10}", c) for c in codes)
    page.get_by_role("link", name="I saved them. Continue").click()
    page.wait_for_url("**/staff/")
    assert len(cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]) == 1

    # The next sign-in asks for the passkey; a touch of the (virtual) reader passes it.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/**")
    sign_in(page, at_localhost, user.username, PASSWORD)
    page.wait_for_url("**/accounts/second-factor/**")
    page.get_by_role("button", name="Use my passkey").click()
    page.wait_for_url("**/staff/")

    methods = [e.changes.get("method") for e in AuditEntry.objects.filter(object_id=str(user.pk)).order_by("seq")]
    assert "passkey" in methods and methods.count("passkey") >= 2  # made, then used


def test_a_password_alone_cannot_add_a_passkey_to_an_account_that_has_a_second_factor(at_localhost, make_user, login):
    """Otherwise a stolen password could add the thief's own passkey and pass the second step with it."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = make_user("city_hall", "CITYHALL")
    TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    client = login(user)
    begin = client.post("/accounts/passkeys/registration/begin/", HTTP_ACCEPT="application/json")
    assert begin.status_code == 403
    assert client.get("/staff/").status_code == 302  # still asked for the second step
