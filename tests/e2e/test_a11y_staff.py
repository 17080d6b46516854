"""Issue 13: axe-core on the staff pages this round touched, on a phone: the lists with search and paging, the
board with its chart, the translation review page and the PDF "being made" page. Staff pages are English only."""

from axe_playwright_python.sync_playwright import Axe

from eo13.agencies.models import Agency
from eo13.law.deadlines import ORDER_ISSUED
from eo13.obligations.interface import record_event
from eo13.policies import services as policies
from eo13.policies.models import PolicyTranslation
from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in


def _violations(page, url):
    page.goto(url)
    results = Axe().run(page)
    wide = page.evaluate("document.documentElement.scrollWidth")
    return (results.generate_report() if results.violations_count else None), wide


def test_axe_and_phone_width_on_the_staff_pages_touched(transactional_db, live_server, phone, make_user):
    record_event(actor="bootstrap", event="order-issued", on=ORDER_ISSUED)
    lead, law = make_user("agency_lead", "ACS"), make_user("agency_lead", "LAW")
    policy = policies.policy_create(
        actor=lead, agency=Agency.objects.get(code="ACS"), title="Officers at our sites (test)", body="We help."
    )
    v = policy.versions.get()
    v = policies.version_update(
        actor=lead, version=v, expected_version=v.version, title=v.title, body=v.body, change_summary="First."
    )
    v = policies.version_submit(actor=lead, version=v, expected_version=v.version)
    policies.version_approve(actor=law, version=v, expected_version=v.version)
    policies.translation_submit(
        actor=lead, policy=policy, language_code="ar", version_number=1, title="ضباط في مواقعنا", body="نحن نساعد."
    )
    t = PolicyTranslation.objects.get()
    city_hall = make_user("city_hall", "CITYHALL")
    pages = {
        law: [f"/staff/policies/translations/{t.pk}/approve/", "/staff/agencies/?q=a", "/staff/policies/review/"],
        city_hall: ["/staff/obligations/board/", "/staff/access/decisions/", "/staff/access/encounters/"],
        lead: ["/staff/obligations/?agency=ACS", "/staff/training/ACS/", "/staff/"],
    }
    failures, wide = {}, {}
    for user, urls in pages.items():
        phone.context.clear_cookies()
        sign_in(phone, live_server, user.username, PASSWORD)
        for url in urls:
            report, width = _violations(phone, f"{live_server.url}{url}")
            if report:
                failures[url] = report
            if width > 360:
                wide[url] = width
    # The PDF job page, while the PDF is being made.
    phone.context.clear_cookies()
    sign_in(phone, live_server, city_hall.username, PASSWORD)
    phone.goto(f"{live_server.url}/staff/obligations/reports/mayor.pdf")
    phone.get_by_text("Your PDF is being made").wait_for()
    if Axe().run(phone).violations_count:
        failures["pdf job"] = Axe().run(phone).generate_report()
    assert failures == {}, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
    assert wide == {}
