"""Issue 13: each role's staff home on a phone. Front-line staff see one large "Outside officers are here" button
and their counsel's number first; everyone else sees what waits for them. axe-core finds no violation, nothing
scrolls sideways, and the menu is one button."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe

from eo13.agencies.models import Agency
from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in

ROLES = [
    ("frontline", "ACS"),
    ("agency_lead", "ACS"),
    ("privacy_officer", "DOC"),
    ("chief_privacy_officer", "MOIP"),
    ("city_hall", "CITYHALL"),
    ("committee", "MOIA"),
    ("auditor", "DOI"),
]


@pytest.mark.parametrize(("role", "code"), ROLES)
def test_home_on_a_phone(role, code, transactional_db, live_server, phone, make_user):
    Agency.objects.filter(code=code).update(counsel_name="Counsel office (fictional)", counsel_phone="212-555-0100")
    user = make_user(role, code)
    sign_in(phone, live_server, user.username, PASSWORD)
    phone.goto(f"{live_server.url}/staff/")
    shots = os.environ.get("EO13_SCREENSHOTS")
    if shots:  # for reading the pages by eye: EO13_SCREENSHOTS=/tmp/shots pytest tests/e2e/test_staff_homes.py
        phone.screenshot(path=f"{shots}/home-{role}.png", full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    results = Axe().run(phone)
    assert results.violations_count == 0, results.generate_report()
    if role == "frontline":
        button = phone.get_by_role("link", name="Outside officers are here")
        box = button.bounding_box()
        assert box["y"] < 400 and box["width"] > 280, "big, and on the first screen"
        assert phone.get_by_role("link", name="212-555-0100").is_visible()
        button.click()
        phone.wait_for_url("**/guide/**")
    else:
        assert phone.get_by_role("heading", name="Waiting for you").is_visible()
