"""The guide on a phone-sized screen, in a real browser: each outcome, then an encounter record."""

import pytest

from eo13.access.models import Encounter
from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in


@pytest.fixture
def worker(live_server, phone, make_user):
    user = make_user("frontline", "DHS")
    sign_in(phone, live_server, user.username, PASSWORD)
    phone.wait_for_url(f"{live_server.url}/staff/")
    return phone


def choose(page, label):
    # USWDS draws its own radio buttons and checkboxes; a person taps the label.
    page.locator("label", has_text=label).first.click()


def next_(page):
    page.get_by_role("button", name="Next").click()


def start(page, live_server, what):
    page.goto(f"{live_server.url}/staff/access/guide/")
    page.get_by_role("button", name=what).click()


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_lot_use_not_permitted_then_record_the_encounter(live_server, worker):
    page = worker
    start(page, live_server, "They want to use our parking lot")
    page.wait_for_selector("text=Who is asking?")
    assert fits(page)
    choose(page, "Federal agents")
    next_(page)
    page.wait_for_selector("text=Where are they?")
    choose(page, "A parking lot, garage or empty lot that the City owns")
    next_(page)
    choose(page, "Park and gather there before an operation")
    next_(page)
    page.wait_for_selector("text=Is it part of enforcing a law?")
    choose(page, "Yes")
    next_(page)
    page.wait_for_selector("text=Is any of these true?")
    choose(page, "None of these")
    next_(page)
    page.wait_for_selector("text=No. Under the order, they may not use this City lot as a base.")
    assert "EO 13 §3" in page.inner_text("main")
    assert fits(page)
    page.get_by_role("link", name="Record this encounter").click()
    page.select_option("#id_requesting_agency", "ice")
    page.locator("label[for=id_immigration_enforcement_0]").click()
    page.locator("label[for=id_city_response_0]").click()
    page.fill("#id_what_happened", "Two agents asked to stage vehicles. We declined. Call me at 212-555-0190.")
    page.get_by_role("button", name="Save record").click()
    page.wait_for_selector("text=We removed details that could identify someone")
    e = Encounter.objects.get()
    assert e.request_kind == "use_lot" and e.decision.outcome == "not_permitted"
    assert "555-0190" not in e.what_happened


def test_property_access_with_an_emergency_is_permitted(live_server, worker):
    page = worker
    start(page, live_server, "They want to go into a room")
    choose(page, "Federal agents")
    next_(page)
    # Where they want to go settles more cases than which building it is, so it is asked first.
    page.wait_for_selector("text=Where do they want to go?")
    choose(page, "A non-public area")
    next_(page)
    page.wait_for_selector("text=Where are they?")
    choose(page, "A building the City owns or rents")
    next_(page)
    page.wait_for_selector("text=Did they show you a paper")
    choose(page, "No paper")
    next_(page)
    choose(page, "No")
    next_(page)
    page.wait_for_selector("text=Is there an emergency")
    choose(page, "Yes")
    next_(page)
    # Issue 10: the answer would let them in, so the guide asks whether this is immigration enforcement.
    page.wait_for_selector("text=Are they here to enforce immigration law?")
    choose(page, "No, it is about something else")
    next_(page)
    page.wait_for_selector("text=Yes, they may enter, but only as far as the reason below allows.")


def test_the_warrant_check_and_its_help(live_server, worker):
    page = worker
    start(page, live_server, "They showed me a paper")
    page.wait_for_selector("text=names a court at the top")
    choose(page, "The Department of Homeland Security, ICE or CBP")
    next_(page)
    choose(page, "Arrest or take a named person into custody")
    next_(page)
    choose(page, "I-205")
    next_(page)
    page.wait_for_selector("text=This is not a judicial warrant.")


def test_not_covered_and_unknown(live_server, worker):
    page = worker
    start(page, live_server, "They want to use our parking lot")
    choose(page, "NYPD or other New York City staff")
    next_(page)
    page.wait_for_selector("text=The order's rule on City lots does not apply here.")
    start(page, live_server, "They want to use our parking lot")
    choose(page, "Federal agents")
    next_(page)
    page.wait_for_selector("text=Where are they?")
    choose(page, "Not sure")
    next_(page)
    choose(page, "Park and gather there")
    next_(page)
    choose(page, "Yes")
    next_(page)
    choose(page, "None of these")
    next_(page)
    page.wait_for_selector("text=EO13 cannot answer this yet. Call your agency counsel.")
