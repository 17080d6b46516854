"""City sign-in end to end in a real browser (issue 15): a City Hall user signs in at a real OpenID provider, sets up
the second factor with a code computed here, reaches the staff pages, and signs out of EO13 and of the provider."""

import re

import pyotp
import pytest
from axe_playwright_python.sync_playwright import Axe

from eo13.accounts.models import User
from tests.oidc_provider import PASSWORD, add_group_mappings, configure, running_provider

# The OpenID provider is a Node process on the real clock: its tokens' times must match ours (EO13_TEST_TODAY).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.real_clock]


@pytest.fixture
def provider_for_browser(live_server, settings, tmp_path):
    with running_provider(tmp_path, [live_server.url]) as provider:
        configure(settings, provider.issuer)
        settings.EO13_MFA_REQUIRED = True
        add_group_mappings()
        yield provider


def test_city_hall_signs_in_with_the_city_account_and_a_second_factor(live_server, provider_for_browser, desktop):
    page = desktop
    page.goto(f"{live_server.url}/accounts/login/")
    assert Axe().run(page).violations_count == 0
    page.get_by_role("link", name="Sign in with your City account").click()

    # At the City's provider.
    page.wait_for_url(f"{provider_for_browser.issuer}/interaction/**")
    page.fill("#login", "cityhall-eli")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")

    # Back at EO13: the first sign-in of a privileged role sets up the authenticator app.
    page.wait_for_url("**/accounts/second-factor/**")
    assert page.get_by_role("heading", name="Set up your second step").is_visible()
    secret = page.inner_text("#totp-secret").strip()
    page.fill("#id_code", pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on").click()
    codes = page.locator("#recovery-codes li").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[0-9a-f]{10}", c) for c in codes)
    page.get_by_role("link", name="I saved them. Continue").click()
    page.wait_for_url("**/staff/")
    user = User.objects.get(oidc_subject="cityhall-eli")
    assert [(m.agency.code, m.role) for m in user.memberships.all()] == [("CITYHALL", "city_hall")]

    # Sign-out ends EO13's session and offers the provider's.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/logout/")
    assert page.get_by_role("heading", name="You are signed out of EO13").is_visible()
    page.get_by_role("link", name="Also sign out of your City account").click()
    page.wait_for_url(f"{provider_for_browser.issuer}/session/end**")
    page.locator("button[name=logout][value=yes]").click()
    page.wait_for_url("**/accounts/login/**")
    page.goto(f"{live_server.url}/staff/")
    page.wait_for_url("**/accounts/login/**")
