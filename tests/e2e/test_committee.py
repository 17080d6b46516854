"""In a real browser (EO 13 §7, §8(2)): the chair opens a crisis and posts an update that a member sees appear
without reloading; the chair assigns an action and a resource request; the ACS lead answers both on a phone;
City Hall records the Mayor's direction and the chair approves the report and downloads it as PDF. Then axe
checks every Committee page, and each fits a 360 px screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from eo13 import clock
from eo13.agencies.models import Agency
from eo13.agencies.reference import load_agencies
from eo13.committee.models import Crisis, CrisisTask, ResourceRequest
from eo13.law.deadlines import ORDER_ISSUED
from eo13.obligations.services import obligation_event_record
from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in


def _phone(browser):
    """A fresh 360 px phone for the next person (closed with the browser's contexts at the end of the session)."""
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    return ctx.new_page()


@pytest.fixture
def committee(transactional_db, make_user):
    load_agencies(Agency)  # the registry comes from a migration; a flush after an earlier browser test wipes it
    obligation_event_record(actor="bootstrap", event="order-issued", on=ORDER_ISSUED)
    return {
        "chair": make_user("committee", "CITYHALL", username="chair-fictional", is_chair=True),
        "member": make_user("committee", "ACS", username="member-fictional"),
        "lead": make_user("agency_lead", "ACS", username="lead-fictional"),
        "hall": make_user("city_hall", "CITYHALL", username="hall-fictional"),
    }


def test_crisis_room_from_opening_to_the_report_to_the_mayor(committee, live_server, browser, desktop, phone):
    today = clock.today().isoformat()
    sign_in(desktop, live_server, "chair-fictional", PASSWORD)
    desktop.goto(f"{live_server.url}/staff/committee/crises/")
    desktop.fill("#id_title", "Fictional enforcement surge")
    desktop.fill("#id_kind", "immigration enforcement")
    desktop.fill("#id_starts_on", today)
    desktop.select_option("#id_agencies", ["ACS", "DHS"])
    bronx = desktop.get_attribute("input[name=boroughs][value=bronx]", "id")
    desktop.click(f"label[for={bronx}]")  # USWDS draws the box on the label; the input itself sits off-screen
    desktop.click("#crisis-form button[type=submit]")
    crisis = Crisis.objects.get()
    assert desktop.url.endswith(f"/staff/committee/crises/{crisis.pk}/")

    sign_in(phone, live_server, "member-fictional", PASSWORD)
    phone.goto(f"{live_server.url}/staff/committee/crises/{crisis.pk}/")
    phone.evaluate("window.eo13NotReloaded = true")
    desktop.fill("#id_update-text", "Officers seen near the Bronx field office at 9 a.m.")
    desktop.click("#update-form button[type=submit]")
    phone.wait_for_selector("text=Officers seen near the Bronx field office", timeout=20000)
    assert phone.evaluate("window.eo13NotReloaded") is True  # it arrived by polling, not by a reload

    desktop.click("#assign summary")
    desktop.select_option("#id_task-agency", "ACS")
    desktop.fill("#id_task-description", "Remind field staff of the guide for outside officers.")
    desktop.fill("#id_task-due", today)
    desktop.click("#task-form button[type=submit]")
    desktop.get_by_text("Action assigned.").first.wait_for()
    desktop.click("#ask summary")
    desktop.select_option("#id_request-agency", "ACS")
    desktop.select_option("#id_request-kind", "people")
    desktop.fill("#id_request-description", "Two staff for the morning coordination call.")
    desktop.fill("#id_request-due", today)
    desktop.click("#request-form button[type=submit]")
    desktop.get_by_text("Resource request sent.").first.wait_for()

    phone = _phone(browser)
    sign_in(phone, live_server, "lead-fictional", PASSWORD)
    phone.goto(f"{live_server.url}/staff/obligations/")
    phone.get_by_text("Committee action: Remind field staff").first.wait_for()
    phone.goto(f"{live_server.url}/staff/committee/work/")
    phone.get_by_role("link", name="Answer this action").click()
    phone.fill("#id_answer", "All 9 field offices reminded.")
    phone.click("#answer-form button[type=submit]")
    phone.get_by_text("Answer sent to the Committee.").first.wait_for()
    phone.get_by_role("link", name="Answer this request").click()
    phone.click("label[for=id_answer_1]")  # partly
    phone.fill("#id_note", "One person available each morning.")
    phone.click("#answer-form button[type=submit]")
    phone.get_by_text("Answer sent to the First Deputy Mayor.").first.wait_for()
    assert CrisisTask.objects.get().status == "done"
    assert ResourceRequest.objects.get().answer == "partly"

    phone = _phone(browser)
    sign_in(phone, live_server, "hall-fictional", PASSWORD)
    phone.goto(f"{live_server.url}/staff/committee/crises/{crisis.pk}/")
    phone.click("#direct-form >> xpath=.. >> summary")
    phone.fill("#id_direct-directed_on", today)
    phone.fill("#id_direct-due", today)
    phone.click("#direct-form button[type=submit]")
    phone.get_by_text("the report is a tracked duty").first.wait_for()

    desktop.goto(f"{live_server.url}/staff/committee/crises/{crisis.pk}/")
    desktop.get_by_role(
        "link",
        name=f"Report directed {clock.today():%b} {clock.today().day}, {clock.today().year}",
    ).click()
    desktop.fill("#id_summary", "A calm week; offices answered on time.")
    desktop.fill("#id_recommendations", "Name a counsel contact for every shift.")
    desktop.click("#report-form button[type=submit]")
    desktop.click("#approve-form button[type=submit]")
    desktop.get_by_text("Approved. The report is final.").first.wait_for()
    desktop.get_by_text("One person available each morning.").first.wait_for()
    # Issue 13: the PDF is made by the task worker; the page says so, then says it is ready (htmx checks by itself).
    desktop.get_by_role("link", name="Download PDF").click()
    desktop.get_by_text("Your PDF is being made").wait_for()
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    desktop.get_by_text("Your PDF is ready.").wait_for(timeout=30_000)
    with desktop.expect_download() as info:
        desktop.get_by_role("link", name="Download eo13-committee-report").click()
    pdf = info.value
    assert pdf.suggested_filename.endswith(".pdf")
    with open(pdf.path(), "rb") as fh:
        assert fh.read(4) == b"%PDF"


def test_axe_finds_no_violation_on_committee_pages_and_they_fit_360px(committee, live_server, desktop, phone):
    from eo13.committee import bootstrap

    bootstrap._demo(clock.today())
    crisis = Crisis.objects.filter(status="active").get()
    report = crisis.mayor_reports.get()
    pages = [
        "",
        "members/",
        "work/",
        "crises/",
        f"crises/{crisis.pk}/",
        "risks/",
        "contacts/",
        f"reports/{report.pk}/",
    ]
    axe = Axe()
    failures, wide = {}, {}
    sign_in(desktop, live_server, "chair-fictional", PASSWORD)
    for path in pages:
        desktop.goto(f"{live_server.url}/staff/committee/{path}")
        results = axe.run(desktop)
        if results.violations_count:
            failures[path] = results.generate_report()
    sign_in(phone, live_server, "chair-fictional", PASSWORD)
    for path in pages:
        phone.goto(f"{live_server.url}/staff/committee/{path}")
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide[path] = width
        results = axe.run(phone)
        if results.violations_count:
            failures[f"phone {path}"] = results.generate_report()
    assert failures == {}
    assert wide == {}
