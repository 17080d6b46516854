"""The detainer guide on a 360 px phone in a real browser (Debian's Chromium): each question and the answer fit the
screen and axe-core finds no violation; the agency's report then shows the count (Admin Code §9-131)."""

import datetime as dt

import pytest
from axe_playwright_python.sync_playwright import Axe

from eo13 import clock
from eo13.detainers.models import DetainerCount
from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in


@pytest.fixture
def officer(live_server, phone, make_user):
    user = make_user("frontline", "DOC")
    sign_in(phone, live_server, user.username, PASSWORD)
    phone.wait_for_url(f"{live_server.url}/staff/")
    return phone


def choose(page, label):
    page.locator("label", has_text=label).first.click()


def next_(page):
    page.get_by_role("button", name="Next").click()


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def clean(page):
    results = Axe().run(page)
    return results.violations_count == 0, results.generate_report()


def test_a_hold_with_a_federal_warrant_and_a_recent_conviction_on_a_phone(live_server, officer):
    page = officer
    page.goto(f"{live_server.url}/staff/detainers/guide/")
    page.wait_for_selector("text=What do immigration authorities ask for?")
    assert fits(page)
    ok, report = clean(page)
    assert ok, report
    choose(page, "Keep the person after they would be released")
    next_(page)
    page.wait_for_selector("text=What papers came with the request?")
    choose(page, "A warrant from a federal court")
    next_(page)
    page.wait_for_selector("text=terrorist screening database")
    choose(page, "No")
    next_(page)
    page.wait_for_selector("text=violent or serious crime?")
    assert fits(page)
    ok, report = clean(page)
    assert ok, report
    choose(page, "Yes")
    # Within the look-back period whatever the day the suite runs on (EO13_TEST_TODAY).
    page.fill("#id_date_of_judgment", (clock.today() - dt.timedelta(days=400)).isoformat())
    next_(page)
    page.wait_for_selector("text=The law allows this request")
    text = page.inner_text("main")
    assert "Admin Code §9-131(b)(1)" in text and "Call your agency counsel" in text
    assert "Do not physically block" in text
    assert fits(page)
    ok, report = clean(page)
    assert ok, report
    row = DetainerCount.objects.get()
    assert (row.outcome, row.condition, row.count) == ("may_honor", "conviction_in_look_back", 1)


def test_a_detainer_alone_is_not_honored_in_two_taps(live_server, officer):
    page = officer
    page.goto(f"{live_server.url}/staff/detainers/guide/")
    choose(page, "Tell them when the person will be released")
    next_(page)
    choose(page, "Only a detainer or other DHS or ICE papers")
    next_(page)
    page.wait_for_selector("text=No. The law does not allow this request.")
    assert fits(page)
    ok, report = clean(page)
    assert ok, report
