"""The web shell in a real browser: public home on a phone, sign-in, staff home (issue 2 "Done when")."""

from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in


def _no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_public_home_on_a_phone(live_server, phone):
    phone.goto(f"{live_server.url}/")
    assert phone.url.endswith("/en/")
    assert phone.locator("html").get_attribute("lang") == "en"
    assert phone.locator("h1").inner_text().startswith("Protecting New Yorkers")
    assert _no_sideways_scroll(phone)
    phone.keyboard.press("Tab")
    focused = phone.evaluate("document.activeElement.textContent")
    assert "Skip to main content" in focused


def test_demo_style_user_signs_in_and_sees_role(live_server, phone, make_user):
    user = make_user("agency_lead", "ACS")
    sign_in(phone, live_server, user.username, PASSWORD)
    phone.wait_for_url(f"{live_server.url}/staff/")
    body = phone.locator("main").inner_text()
    assert "Agency compliance lead" in body and "Administration for Children's Services" in body
    assert _no_sideways_scroll(phone)
    # Issue 13: on a phone the staff menu is one "Menu" button, not six lines of links above the page.
    nav = phone.get_by_role("navigation", name="Staff")
    assert nav.bounding_box()["height"] < 80
    assert not phone.get_by_role("button", name="Sign out").is_visible()
    phone.get_by_text("Menu", exact=True).click()
    phone.get_by_role("button", name="Sign out").click()
    phone.wait_for_url(f"{live_server.url}/accounts/login/")


def test_wrong_password_says_so(live_server, desktop, make_user):
    user = make_user("frontline", "DOC")
    sign_in(desktop, live_server, user.username, "not-the-password")
    assert "Wrong username or password" in desktop.locator("[role=alert]").inner_text()


def test_no_csp_violations_on_the_shell(live_server, desktop, make_user):
    errors: list[str] = []
    desktop.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    desktop.goto(f"{live_server.url}/en/")
    sign_in(desktop, live_server, make_user("city_hall", "CITYHALL").username, PASSWORD)
    desktop.goto(f"{live_server.url}/staff/agencies/")
    # On a wide screen the menu is open from the start: its links are there without a tap.
    assert desktop.get_by_role("link", name="Agencies").first.is_visible()
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors
