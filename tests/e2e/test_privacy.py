"""Privacy in a real browser: a privacy officer logs a request on a phone; the CPO reads the register
(EO 13 §6, §6(1))."""

from datetime import date

import pytest

from eo13.agencies.models import Agency
from eo13.privacy import services
from eo13.privacy.models import IdentifyingInformationRequest as Request
from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_privacy_officer_logs_a_request_on_a_phone(live_server, phone, make_user):
    po = make_user("privacy_officer", "ACS")
    page = phone
    sign_in(page, live_server, po.username, PASSWORD)
    page.wait_for_url("**/staff/")
    page.goto(f"{live_server.url}/staff/privacy/requests/new/")
    assert "requests/new" in page.url, (page.url, page.inner_text("main"))
    page.fill("#id_requesting_agency", "Demo Federal Agency")
    page.select_option("#id_instrument", "administrative_subpoena")
    page.fill("#id_received_on", "2026-11-02")
    page.fill("#id_respond_by", "2026-11-30")
    box = page.get_attribute("input[name=categories][value=citizenship_or_immigration_status]", "id")
    page.click(f"label[for={box}]")  # USWDS draws the box on the label; the input itself sits off-screen
    page.fill("#id_people_count", "4")
    page.fill("#id_summary", "Records of shelter stays. client name: Demo Person, SSN 123-45-6789")
    page.click("form.usa-form button[type=submit]")
    page.wait_for_load_state()
    assert "/requests/new/" not in page.url, page.inner_text("main")
    body = page.inner_text("main")
    assert "ACS-2026-0001" in body
    assert "immigrant communities" in body  # the order's flag, explained
    assert "Not yet sent" in body  # legal process goes to the Law Department first
    assert "123-45-6789" not in body and "We removed" in body
    # fits a 360-px phone: no sideways scrolling
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 362)"
        ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, wide
    assert Request.objects.get().categories == ["citizenship_or_immigration_status"]


def test_the_cpo_sees_who_is_untrained_and_records_training(live_server, desktop, make_user):
    cpo = make_user("chief_privacy_officer", "MOIP")
    officer = services.designation_record(
        actor=cpo,
        agency=Agency.objects.get(code="ACS"),
        full_name="Demo Officer Alpha",
        title="Privacy Officer",
        email="alpha@example.nyc.test",
        phone="212-555-0101",
        designated_on=date(2026, 10, 1),
    )
    page = desktop
    sign_in(page, live_server, cpo.username, PASSWORD)
    page.wait_for_url("**/staff/")
    page.goto(f"{live_server.url}/staff/privacy/register/?only=untrained")
    assert "Demo Officer Alpha" in page.inner_text("main")
    page.goto(f"{live_server.url}/staff/privacy/training/")
    page.select_option("#id_kind", "identifying_information_law")
    page.fill("#id_topic", "Identifying Information Law basics")
    page.fill("#id_held_on", "2026-10-20")
    page.click("form.usa-form button[type=submit]")
    page.wait_for_url("**/staff/privacy/training/*/")
    page.select_option("#id_designation", str(officer.pk))
    page.click("form.usa-form button[type=submit]")
    page.wait_for_selector("text=Attendance recorded")
    page.goto(f"{live_server.url}/staff/privacy/register/?only=untrained")
    assert "Demo Officer Alpha" not in page.inner_text("main")
