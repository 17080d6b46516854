"""In a real browser: an agency lead submits the §2 audit report on a phone, City Hall returns it, the lead
resubmits, City Hall accepts, and the board shows it done (EO 13 §2)."""

import re

import pytest

from eo13.agencies.models import Agency
from eo13.agencies.reference import load_agencies
from eo13.law.deadlines import ORDER_ISSUED
from eo13.obligations.models import Obligation
from eo13.obligations.services import obligation_event_record
from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in
from tests.obligations.helpers import PDF


@pytest.fixture
def duty(transactional_db, make_user):
    load_agencies(Agency)  # the registry comes from a migration; a flush after an earlier browser test wipes it
    obligation_event_record(actor="bootstrap", event="order-issued", on=ORDER_ISSUED)
    lead = make_user("agency_lead", "ACS", username="demo-officer-alpha")
    hall = make_user("city_hall", "CITYHALL", username="demo-city-hall-bravo")
    return Obligation.objects.get(key="s2_audit_report", agency__code="ACS"), lead, hall


def _status(page):
    return page.locator(".eo13-ob-status-line .eo13-ob-current").inner_text()


def test_submit_return_resubmit_accept_and_the_board_shows_it(duty, live_server, browser, phone, desktop):
    obligation, lead, hall = duty
    url = f"{live_server.url}/staff/obligations/{obligation.pk}/"

    sign_in(phone, live_server, lead.username, PASSWORD)
    phone.goto(f"{live_server.url}/staff/obligations/")
    assert "What ACS owes under the order" in phone.content()
    phone.get_by_role("link", name="Audit your policies and report to the Mayor").first.click()
    assert phone.url == url
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360  # fits a small phone
    # Submitting without evidence is refused with a clear message.
    phone.fill("#id_note", "Audit finished.")
    phone.click("#submit-form button[type=submit]")
    assert "Add at least one evidence file" in phone.content()
    phone.set_input_files("#id_file", {"name": "acs-audit.pdf", "mimeType": "application/pdf", "buffer": PDF})
    phone.fill("#id_effective_date", "2026-05-01")
    phone.click("#evidence-form button[type=submit]")
    assert "Evidence added." in phone.content() and "acs-audit.pdf" in phone.content()
    phone.fill("#id_note", "Audit finished; report attached.")
    phone.click("#submit-form button[type=submit]")
    assert _status(phone) == "Submitted for review"

    sign_in(desktop, live_server, hall.username, PASSWORD)
    desktop.goto(url)
    desktop.click("label[for=id_decision_1]")  # return with comments
    desktop.fill("#id_comments", "Please add the training plan.")
    desktop.click("#review-form button[type=submit]")
    assert _status(desktop) == "Returned with comments"

    phone.goto(f"{live_server.url}/staff/obligations/")
    returned = phone.locator("h2:has-text('Returned to you') + ul")
    assert "Audit your policies" in returned.inner_text()
    phone.goto(url)
    assert "Please add the training plan." in phone.content()
    phone.fill("#id_note", "Training plan added on page 4.")
    phone.click("#submit-form button[type=submit]")
    assert _status(phone) == "Submitted for review"

    desktop.goto(url)
    desktop.click("label[for=id_decision_0]")  # accept
    desktop.click("#review-form button[type=submit]")
    assert _status(desktop) == "Accepted"
    timeline = desktop.locator(".eo13-ob-timeline").inner_text()
    assert re.findall(r"^(\w+)", timeline, re.M) == ["Created", "Submitted", "Returned", "Submitted", "Accepted"]

    desktop.goto(f"{live_server.url}/staff/obligations/board/?section=EO+13+%C2%A72")
    row = desktop.locator("tr:has(th a:text-is('ACS'))")
    header = [h.strip() for h in desktop.locator(".eo13-ob-board thead th .eo13-ob-colkey").all_inner_texts()]
    cell = row.locator("td").nth(header.index("Audit your policies and report to the Mayor")).inner_text()
    assert cell == "Done"
    nypd = (
        desktop.locator("tr:has(th a:text-is('NYPD'))")
        .locator("td")
        .nth(header.index("Audit your policies and report to the Mayor"))
    )
    assert nypd.inner_text() == "Late"
    assert "NYPD: Audit your policies and report to the Mayor" in desktop.locator(".eo13-ob-overdue").inner_text()
