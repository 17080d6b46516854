"""Staff pages print words, never stored codes (issue 13, "Words people understand").

Each page is rendered with records that carry the codes people used to see (``not_permitted``, ``ice``,
``lot-use``, ``s2_compliance``, ``order-issued``, a policy's slug ...). The visible text, with tags, attribute
values and ``<code>`` taken out, must hold none of the codes the system stores: every one has a label in one place
(the model's choices or the law module's labels).
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone

from eo13 import clock
from eo13.access.models import DecisionLog, Encounter
from eo13.agencies.models import Agency
from eo13.committee.models import BOROUGHS, Crisis
from eo13.detainers.models import DetainerCount
from eo13.law.deadlines import EVENTS, ORDER_ISSUED, Event
from eo13.law.detainer_laws import CONDITIONS
from eo13.law.engine import Outcome
from eo13.law.facts import Kind
from eo13.law.obligations import CATALOGUE
from eo13.obligations.models import Obligation
from eo13.obligations.services import obligation_event_record
from eo13.policies.models import Material, Policy, PolicyVersion
from eo13.privacy.models import IdentifyingInformationRequest, RequestStatus

POLICY_SLUG = "acs-immigration-policy"


class _VisibleText(HTMLParser):
    """Text a person reads: no tags, no attribute values, nothing inside <code>, <script>, <style> or <title>."""

    HIDDEN = {"code", "script", "style", "title"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def stored_codes() -> set[str]:
    """Every code the system stores that looks like one (has ``_`` or ``-``): all model choices, the law's enums,
    the duty catalogue's keys, and the slug of the test's policy."""
    codes: set[str] = {POLICY_SLUG, *EVENTS, *CONDITIONS, *Outcome, *Kind, *(s.key for s in CATALOGUE)}
    codes |= {"overdue", "due-soon", *RequestStatus.values, *(b for b, _ in BOROUGHS), "zh-hant"}
    for model in apps.get_models():
        if not model.__module__.startswith("eo13."):
            continue
        for f in model._meta.get_fields():
            for value, _label in getattr(f, "choices", None) or ():
                codes.add(str(value))
    return {c for c in codes if "_" in c or "-" in c}


def raw_codes_in(html: str, codes: set[str]) -> set[str]:
    words = set(re.findall(r"[a-z0-9]+(?:[_-][a-z0-9]+)+", visible_text(html)))
    return words & codes


@pytest.fixture
def records(db: Any, make_user: Any) -> dict[str, Any]:
    """Records that carry the codes the issue found on the pages."""
    lead = make_user("agency_lead", "ACS")
    acs = Agency.objects.get(code="ACS")
    obligation_event_record(actor="bootstrap", event=Event.ORDER_ISSUED.value, on=ORDER_ISSUED)
    now = timezone.now()
    for kind, outcome in [
        (Kind.LOT_USE, Outcome.NOT_PERMITTED),
        (Kind.LOT_USE, Outcome.UNKNOWN),
        (Kind.PROPERTY_ACCESS, Outcome.NOT_COVERED),
        (Kind.WARRANT, Outcome.NOT_JUDICIAL_WARRANT),
        (Kind.DETAINER, Outcome.MAY_NOT_HONOR),
    ]:
        log = DecisionLog.objects.create(
            kind=kind,
            facts={},
            outcome=outcome,
            decision={"kind": kind, "outcome": outcome, "reasons": []},
            rules_version="test",
            as_of=clock.today(),
            agency=acs,
            channel="web",
        )
    encounter = Encounter.objects.create(
        agency=acs,
        occurred_at=now,
        place_description="Yard behind the building",
        requesting_agency="other_federal",
        request_kind="enter_non_public",
        immigration_enforcement=True,
        documents_shown=["judicial_warrant", "letter_or_request"],
        decision=log,
        outcome_given=Outcome.NOT_PERMITTED,
        city_response="allowed_exception",
        created_by=lead,
    )
    Encounter.objects.create(
        agency=acs,
        occurred_at=now,
        requesting_agency="ice",
        request_kind="use_lot",
        immigration_enforcement=True,
        city_response="they_left",
        created_by=lead,
    )
    IdentifyingInformationRequest.objects.create(
        agency=acs,
        reference="IIR-1",
        requesting_agency="A federal agency",
        instrument="administrative_subpoena",
        received_on=clock.today(),
        categories=[],
        law_department_referred_on=clock.today(),
    )
    policy = Policy.objects.create(agency=acs, slug=POLICY_SLUG, created_by=lead)
    PolicyVersion.objects.create(
        policy=policy,
        number=1,
        title="How ACS answers immigration agents",
        body="Text.",
        change_summary="First.",
        created_by=lead,
    )
    Material.objects.create(
        kind="rights",
        audience="public_facing_staff",
        title="Know your rights",
        body="Text.",
        languages=["en", "zh-hant"],
        owner=acs,
        created_by=lead,
    )
    crisis = Crisis.objects.create(
        title="Flood",
        kind="Weather",
        status="stood_down",
        starts_on=clock.today(),
        boroughs=["staten_island"],
        created_by="test",
    )
    DetainerCount.objects.create(
        agency=Agency.objects.get(code="DOC"),
        month=clock.today().replace(day=1),
        request="hold_beyond_release",
        outcome="may_not_honor",
        condition="no_judicial_warrant",
        count=3,
    )
    late = Obligation.objects.filter(agency=acs, due__lt=clock.today(), status="open").order_by("due").first()
    return {"encounter": encounter, "policy": policy, "crisis": crisis, "late": late, "lead": lead}


def _pages(r: dict[str, Any]) -> list[tuple[str, str, str]]:
    year = clock.today().year
    return [
        ("city_hall", "CITYHALL", "/staff/obligations/board/"),
        ("agency_lead", "ACS", "/staff/obligations/"),
        ("agency_lead", "ACS", f"/staff/obligations/{r['late'].pk}/"),
        ("city_hall", "CITYHALL", "/staff/obligations/reports/mayor.html"),
        ("agency_lead", "ACS", "/staff/access/encounters/"),
        ("agency_lead", "ACS", f"/staff/access/encounters/{r['encounter'].pk}/"),
        ("agency_lead", "ACS", "/staff/access/decisions/"),
        ("agency_lead", "ACS", "/staff/access/reports/10-178d/"),
        ("privacy_officer", "ACS", "/staff/privacy/requests/"),
        ("agency_lead", "ACS", "/staff/policies/"),
        ("agency_lead", "ACS", f"/staff/policies/{r['policy'].pk}/"),
        ("agency_lead", "ACS", "/staff/policies/materials/"),
        ("committee", "CITYHALL", "/staff/committee/"),
        ("committee", "CITYHALL", f"/staff/committee/crises/{r['crisis'].pk}/"),
        ("auditor", "CITYHALL", f"/staff/detainers/reports/DOC/?year={year}"),
    ]


def test_the_records_carry_the_codes_people_used_to_see(records: dict[str, Any]) -> None:
    codes = stored_codes()
    for code in ("not_permitted", "lot-use", "s2_compliance", "order-issued", "other_federal", POLICY_SLUG):
        assert code in codes
    assert records["late"] is not None, "a duty is late, so its page says how late"


@pytest.mark.parametrize("index", range(15))
def test_staff_pages_print_labels_not_codes(records: dict[str, Any], make_user: Any, login: Any, index: int) -> None:
    role, agency, url = _pages(records)[index]
    page = login(make_user(role, agency)).get(url)
    assert page.status_code == 200, url
    html = page.content.decode()
    assert not raw_codes_in(html, stored_codes()), url


def test_the_decision_log_names_kinds_and_answers_in_words(records: dict[str, Any], login: Any) -> None:
    text = visible_text(login(records["lead"]).get("/staff/access/decisions/").content.decode())
    assert "Use of a City lot (EO 13 §3)" in text
    assert "Not allowed" in text and "No clear answer: ask counsel" in text
    assert not re.search(r"\b(unknown|permitted|not_permitted|lot-use)\b", text)


def test_an_encounter_shows_the_answer_and_papers_in_words(records: dict[str, Any], login: Any) -> None:
    text = visible_text(
        login(records["lead"]).get(f"/staff/access/encounters/{records['encounter'].pk}/").content.decode()
    )
    assert "Not allowed" in text
    assert "A warrant signed by a judge, A letter or written request" in text


def test_the_10_178d_report_names_the_requesting_agency(records: dict[str, Any], login: Any) -> None:
    text = visible_text(login(records["lead"]).get("/staff/access/reports/10-178d/").content.decode())
    assert "Immigration and Customs Enforcement (ICE)" in text
    assert not re.search(r"\bice\b", text)


def test_a_late_duty_says_how_many_days_late(records: dict[str, Any], login: Any) -> None:
    late = records["late"]
    days = (clock.today() - late.due).days
    expected = f"Late by {days} day" + ("" if days == 1 else "s")
    text = visible_text(login(records["lead"]).get(f"/staff/obligations/{late.pk}/").content.decode())
    assert expected in text
    assert "Made due by The order was issued on Feb 6, 2026" in " ".join(text.split())


def test_a_policy_not_yet_published_goes_by_its_draft_title(records: dict[str, Any], login: Any) -> None:
    text = visible_text(login(records["lead"]).get("/staff/policies/").content.decode())
    assert "How ACS answers immigration agents" in text


def test_late_by_counts_whole_days() -> None:
    from eo13.obligations.selectors import late_text

    duty = Obligation(due=dt.date(2026, 5, 7), status="open")
    assert late_text(duty, dt.date(2026, 5, 8)) == "Late by 1 day"
    assert late_text(duty, dt.date(2026, 5, 19)) == "Late by 12 days"
    assert late_text(duty, dt.date(2026, 5, 7)) == ""
    assert late_text(Obligation(due=dt.date(2026, 5, 7), status="accepted"), dt.date(2026, 6, 1)) == ""


def test_the_detainer_guide_names_missing_facts_by_their_questions() -> None:
    from eo13.detainers.guide import missing_questions

    asked = missing_questions(["terrorist_screening_match", "convictions.0.date_of_judgment", "arrest_date"])
    assert asked == [
        "Does the records check show a possible match in the federal terrorist screening database?",
        "Does the criminal-history search show a conviction for a violent or serious crime?",
        "Date of the arrest that brought the person into custody now",
    ]
