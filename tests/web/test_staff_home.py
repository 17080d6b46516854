"""The staff home as each role finds it (issue 13): the front-line's big button and counsel's number, and
"Waiting for you" with counts, oldest first, one click to each item, never another office's work."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from eo13.agencies.models import Agency
from eo13.committee.models import ResourceRequest
from eo13.law.deadlines import ORDER_ISSUED
from eo13.obligations.interface import record_event
from eo13.obligations.models import Obligation
from eo13.policies import services as policies
from eo13.policies.models import PolicyTranslation
from eo13.privacy.models import IdentifyingInformationRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def order_issued() -> None:
    record_event(actor="bootstrap", event="order-issued", on=ORDER_ISSUED)


def _text(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


def _panel(client: Any) -> str:
    """The "Waiting for you" section of the staff home."""
    return _text(client.get("/staff/").content.decode(), "Waiting for you", "</section>")


def test_front_line_home_leads_with_the_guide_and_counsel_phone(make_user: Any, login: Any) -> None:
    Agency.objects.filter(code="ACS").update(
        counsel_name="ACS General Counsel (fictional)", counsel_phone="212 555 0100"
    )
    html = login(make_user("frontline", "ACS")).get("/staff/").content.decode()
    body = html.split('id="main-content"', 1)[1] if 'id="main-content"' in html else html
    button = body.index("Outside officers are here")
    assert button < body.index("<h1"), "the button comes before anything else on the page"
    assert 'href="/staff/access/guide/"' in body or "/guide/" in body[button - 200 : button]
    assert 'href="tel:2125550100"' in body and "212 555 0100" in body
    assert "Your role has no duties to track here" not in body


def test_front_line_home_without_a_counsel_number_says_whom_to_ask(make_user: Any, login: Any) -> None:
    Agency.objects.filter(code="ACS").update(counsel_phone="")
    html = login(make_user("frontline", "ACS")).get("/staff/").content.decode()
    assert "no number on file yet" in html and "EO13 lead" in html


def test_city_hall_sees_duties_to_review_oldest_first_and_not_its_own(
    order_issued: None, make_user: Any, login: Any
) -> None:
    city_hall = make_user("city_hall", "CITYHALL")
    other = make_user("agency_lead", "ACS")
    duties = list(Obligation.objects.filter(agency__code__in=["ACS", "DOC", "NYPD"]).order_by("pk")[:3])
    now = timezone.now()
    for n, (duty, who) in enumerate(zip(duties, [other, other, city_hall], strict=True)):
        Obligation.objects.filter(pk=duty.pk).update(
            status="submitted", submitted_by=who, submitted_at=now - dt.timedelta(days=10 - n)
        )
    html = login(city_hall).get("/staff/").content.decode()
    panel = _text(html, "Waiting for you", "</section>")
    assert "Duties to review" in panel and '<span class="usa-tag">2</span>' in panel
    first, second = (f'href="/staff/obligations/{d.pk}/"' for d in duties[:2])
    assert panel.index(first) < panel.index(second), "the one waiting longest comes first"
    assert f'href="/staff/obligations/{duties[2].pk}/"' not in panel, "nobody reviews their own submission"


def test_office_sees_duties_returned_to_it_and_nothing_of_another_office(
    order_issued: None, make_user: Any, login: Any
) -> None:
    mine = Obligation.objects.filter(agency__code="ACS").first()
    theirs = Obligation.objects.filter(agency__code="DOC").first()
    assert mine and theirs
    Obligation.objects.filter(pk__in=[mine.pk, theirs.pk]).update(status="returned")
    panel = _panel(login(make_user("agency_lead", "ACS")))
    assert "Duties returned to you with comments" in panel
    assert f"/staff/obligations/{mine.pk}/" in panel and f"/staff/obligations/{theirs.pk}/" not in panel


def _acs_policy(make_user: Any) -> Any:
    lead = make_user("agency_lead", "ACS")
    policy = policies.policy_create(
        actor=lead, agency=Agency.objects.get(code="ACS"), title="Officers at our sites (test)", body="We help people."
    )
    version = policy.versions.get()
    version = policies.version_update(
        actor=lead,
        version=version,
        expected_version=version.version,
        title=version.title,
        body=version.body,
        change_summary="First version.",
    )
    return lead, policies.version_submit(actor=lead, version=version, expected_version=version.version)


def test_law_department_reviewer_finds_the_policy_and_clears_it(make_user: Any, login: Any) -> None:
    _, version = _acs_policy(make_user)
    reviewer = make_user("agency_lead", "LAW")
    c = login(reviewer)
    panel = _panel(c)
    assert "Policies for Law Department review" in panel
    link = f"/staff/policies/versions/{version.pk}/review/"
    assert link in panel
    assert c.get(link).status_code == 200
    policies.version_approve(actor=reviewer, version=version, expected_version=version.version)
    panel = _panel(c)
    assert link not in panel and "Nothing is waiting for you" in panel


def test_translation_waits_for_a_second_person_who_reads_it_before_approving(make_user: Any, login: Any) -> None:
    lead, version = _acs_policy(make_user)
    policies.version_approve(actor=make_user("agency_lead", "LAW"), version=version, expected_version=version.version)
    policies.translation_submit(
        actor=lead,
        policy=version.policy,
        language_code="es",
        version_number=version.number,
        title="Agentes en nuestros sitios (prueba)",
        body="Ayudamos a la gente.",
    )
    t = PolicyTranslation.objects.get()
    own = _panel(login(lead))
    assert "Translations to read and approve" not in own, "the translator is not the one who approves"
    c = login(make_user("agency_lead", "ACS"))
    panel = _panel(c)
    link = f"/staff/policies/translations/{t.pk}/approve/"
    assert "Translations to read and approve" in panel and link in panel
    page = c.get(link).content.decode()
    assert "Ayudamos a la gente." in page and "We help people." in page, "both texts shown before approval"
    assert 'lang="es"' in page
    r = c.post(link, {"version": t.edit_version})
    assert r.status_code == 302
    t.refresh_from_db()
    assert t.status == "approved"
    assert "Translations to read and approve" not in c.get("/staff/").content.decode()


def test_privacy_officer_sees_open_requests_of_their_office_soonest_due_first(make_user: Any, login: Any) -> None:
    acs, doc = Agency.objects.get(code="ACS"), Agency.objects.get(code="DOC")
    base = {
        "requesting_agency": "Fictional Federal Office",
        "instrument": "informal_request",
        "received_on": dt.date(2026, 3, 2),
    }
    late = IdentifyingInformationRequest.objects.create(
        agency=acs, reference="T-1", respond_by=dt.date(2026, 4, 1), **base
    )
    soon = IdentifyingInformationRequest.objects.create(
        agency=acs, reference="T-2", respond_by=dt.date(2026, 3, 9), **base
    )
    IdentifyingInformationRequest.objects.create(agency=acs, reference="T-3", decision="declined", **base)
    other = IdentifyingInformationRequest.objects.create(agency=doc, reference="T-4", **base)
    panel = _panel(login(make_user("privacy_officer", "ACS")))
    assert "Requests for identifying information to answer" in panel and '<span class="usa-tag">2</span>' in panel
    assert panel.index(f"/requests/{soon.pk}/") < panel.index(f"/requests/{late.pk}/")
    assert f"/requests/{other.pk}/" not in panel


def test_agency_lead_sees_committee_resource_requests_for_its_office(make_user: Any, login: Any) -> None:
    acs, doc = Agency.objects.get(code="ACS"), Agency.objects.get(code="DOC")
    common = {"kind": "space", "description": "A room (test)", "due": dt.date(2026, 6, 1), "requested_by": "chair"}
    mine = ResourceRequest.objects.create(agency=acs, **common)
    theirs = ResourceRequest.objects.create(agency=doc, **common)
    panel = _panel(login(make_user("agency_lead", "ACS")))
    assert "Committee resource requests to answer" in panel
    assert f"/requests/{mine.pk}/" in panel and f"/requests/{theirs.pk}/" not in panel
    assert "Space, due Jun 1, 2026, late" in panel


def test_auditor_is_told_nothing_waits(make_user: Any, login: Any) -> None:
    html = login(make_user("auditor", "DOI")).get("/staff/").content.decode()
    assert "Nothing is waiting for you" in html and "Outside officers are here" not in html


def test_law_reviewer_menu_has_the_review_queue_and_other_leads_do_not(make_user: Any, login: Any) -> None:
    law = login(make_user("agency_lead", "LAW")).get("/staff/").content.decode()
    acs = login(make_user("agency_lead", "ACS")).get("/staff/").content.decode()
    assert 'href="/staff/policies/review/">Policies to review</a>' in law
    assert "Policies to review" not in acs


def test_board_counts_are_links_to_the_offices_in_that_state(order_issued: None, make_user: Any, login: Any) -> None:
    html = login(make_user("city_hall", "CITYHALL")).get("/staff/obligations/board/").content.decode()
    assert '<a href="?state=submitted"><span class="eo13-ob-status eo13-ob-status--submitted">In review</span>' in html
