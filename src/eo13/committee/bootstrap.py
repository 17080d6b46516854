"""Demo data for the Committee, in demo mode only (INTERFACES §7): one stood-down crisis and one active one with a
timeline, actions, two resource requests (one to ACS, overdue), a risk, a contact and a draft report to the Mayor.
Everything is fictional. Idempotent: does nothing once a crisis exists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction

from eo13.clock import today
from eo13.committee.models import Crisis, CrisisStatus, MemberRole
from eo13.committee.services.crises import crisis_open, guidance_approve, guidance_draft, task_assign, timeline_post
from eo13.committee.services.members import member_designate
from eo13.committee.services.requests import (
    contact_log,
    mayor_report_direct,
    mayor_report_edit,
    resource_request_make,
    risk_record,
)

SYSTEM = "bootstrap"


def run(stdout: Any) -> None:
    if not getattr(settings, "EO13_DEMO", False) or getattr(settings, "PRODUCTION", False):
        return
    if Crisis.objects.exists():
        return
    with transaction.atomic():
        _demo(today())
    stdout.write("Committee: demo crises, actions, requests and a draft report to the Mayor.")


def _demo(now: dt.date) -> None:
    for role, code, name in (
        (MemberRole.CHAIR, "CITYHALL", "Avery Example (First Deputy Mayor, fictional)"),
        (MemberRole.CHIEF_COUNSEL, "CITYHALL", "Blair Example (fictional)"),
        (MemberRole.SPECIAL_ADVISOR, "CITYHALL", "Casey Example (fictional)"),
        (MemberRole.MOIA_COMMISSIONER, "MOIA", "Drew Example (fictional)"),
        (MemberRole.SENIOR_OPERATIONS_MANAGER, "ACS", "Emery Example (fictional)"),
        (MemberRole.ALTERNATE, "ACS", "Finley Example (fictional)"),
        (MemberRole.SENIOR_OPERATIONS_MANAGER, "NYPD", "Gray Example (fictional)"),
    ):
        member_designate(
            actor=SYSTEM,
            agency_code=code,
            role=role,
            name=name,
            starts_on=dt.date(2026, 2, 10),
            work_email=f"{name.split()[0].lower()}@example.nyc.test",
        )
    old = crisis_open(
        actor=SYSTEM,
        title="Winter storm shelter surge (fictional exercise)",
        kind="weather",
        starts_on=dt.date(2026, 3, 2),
        ends_on=dt.date(2026, 3, 9),
        severity=2,
        status=CrisisStatus.STOOD_DOWN,
        agency_codes=["DSS", "DHS", "HHC"],
        boroughs=["bronx", "brooklyn"],
    )
    timeline_post(actor=SYSTEM, crisis=old, text="Shelter capacity back to normal. Crisis stood down.")
    start = now - dt.timedelta(days=5)
    crisis = crisis_open(
        actor=SYSTEM,
        title="Federal enforcement activity near City shelters (fictional drill)",
        kind="immigration enforcement",
        starts_on=start,
        severity=3,
        agency_codes=["ACS", "DHS", "DOE", "HHC", "NYPD"],
        boroughs=["bronx", "queens"],
    )
    for text in (
        "Committee convened by the chair. Offices asked to check who their counsel contact is today.",
        "MOIA reports more calls to the hotline. Legal service providers on standby.",
        "DHS confirms shelter staff have the one-page guide on City lots and warrants.",
    ):
        timeline_post(actor=SYSTEM, crisis=crisis, text=text)
    task_assign(
        actor=SYSTEM,
        crisis=crisis,
        agency_code="ACS",
        description="Remind front-line staff of the guide for outside officers at field offices.",
        due=now + dt.timedelta(days=3),
    )
    task_assign(
        actor=SYSTEM,
        crisis=crisis,
        agency_code="DHS",
        kind="data_request",
        description="How many shelter sites had outside officers visit this week? A total only.",
        due=now + dt.timedelta(days=2),
    )
    resource_request_make(
        actor=SYSTEM,
        crisis=crisis,
        agency_code="ACS",
        kind="people",
        description="Two staff who know the field offices, for the coordination call each morning.",
        due=max(start, now - dt.timedelta(days=1)),
    )
    resource_request_make(
        actor=SYSTEM,
        crisis=crisis,
        agency_code="DOE",
        kind="space",
        description="A room near the affected shelters for a know-your-rights session after school hours.",
        due=now + dt.timedelta(days=6),
    )
    g = guidance_draft(
        actor=SYSTEM,
        crisis=crisis,
        kind="messaging",
        title="What to tell families at shelter entrances",
        body="City staff do not ask about immigration status. Call your agency counsel when officers arrive.",
    )
    guidance_approve(actor=SYSTEM, guidance=g)
    risk_record(
        actor=SYSTEM,
        title="Shelter sites without a named counsel contact",
        description="Some night shifts do not know whom to call when outside officers arrive.",
        likelihood=4,
        impact=4,
        owner="DSS operations",
        review_on=now + dt.timedelta(days=30),
        agency_codes=["DSS", "DHS"],
    )
    contact_log(
        actor=SYSTEM,
        crisis=crisis,
        level="state",
        office="New York State Division of Homeland Security (fictional contact)",
        official_role="Regional coordinator",
        on=now - dt.timedelta(days=1),
        about="Shared the City's contact for questions about shelter sites.",
        outcome="Agreed to route questions to the Committee chair's office.",
    )
    report = mayor_report_direct(actor=SYSTEM, crisis=crisis, directed_on=now, due=now + dt.timedelta(days=14))
    mayor_report_edit(
        actor=SYSTEM,
        report=report,
        expected_version=report.version,
        summary="Draft: the Committee is coordinating five offices. No City lot has been used as a staging area.",
        recommendations="Draft: name a counsel contact for every overnight shelter shift.",
    )
