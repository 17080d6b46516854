"""Deciding detainers from the web and the API, and counting each decision (Admin Code §9-131, §9-205, §14-154).

The facts (a person's conviction history) are used to decide and then dropped: only the count is kept, by agency,
month, request, outcome and deciding condition. Nothing about the person reaches the database or the audit log.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F

from eo13 import clock
from eo13.accounts.actors import Actor
from eo13.accounts.policy import agency_ids, primary_membership
from eo13.agencies.models import Agency
from eo13.agencies.selectors import clean_code
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.detainers.models import DetainerCount
from eo13.detainers.policy import RECORDERS
from eo13.errors import ValidationFailed
from eo13.law.decide import decide, decide_batch
from eo13.law.detainer import KIND, deciding_condition
from eo13.law.detainer_laws import CONDITIONS
from eo13.law.engine import Decision
from eo13.law.facts import DETAINER_REQUESTS


def month_of(day: date) -> date:
    return day.replace(day=1)


def may_record_for(actor: Actor, agency: Agency) -> bool:
    """Only the agency's own staff add to its counts, so nobody can inflate another agency's report."""
    return agency.pk in agency_ids(actor, RECORDERS)


def detainer_count_record(
    *, actor: Actor, agency: Agency, on: date, request: str, outcome: str, condition: str
) -> DetainerCount:
    """Add one decision to the agency's count for the month. Counts only; the audit entry holds no facts."""
    if request not in DETAINER_REQUESTS or outcome not in ("may_honor", "may_not_honor", "unknown"):
        raise ValidationFailed("Unknown request or outcome.", "request")
    if condition not in CONDITIONS:
        raise ValidationFailed("Unknown deciding condition.", "condition")
    with transaction.atomic():
        row, _ = DetainerCount.objects.select_for_update().get_or_create(
            agency=agency, month=month_of(on), request=request, outcome=outcome, condition=condition
        )
        DetainerCount.objects.filter(pk=row.pk).update(count=F("count") + 1)
        row.refresh_from_db()
        audit_record(
            actor=actor,
            action=AuditAction.DETAINER_COUNT,
            target=row,
            agency_code=agency.code,
            changes={"outcome": {"new": outcome}, "condition": {"new": condition}, "request": {"new": request}},
        )
    return row


def _counsel_step(decision: Decision, actor: Actor) -> None:
    membership = primary_membership(actor)
    if membership is not None:
        a = membership.agency
        decision.next_steps.append(f"Your agency counsel: {a.counsel_name}, {a.counsel_phone}, {a.counsel_email}.")


def detainer_decide(
    *, actor: Actor, raw: Any, partial: bool = False, final: bool = False, today: date | None = None
) -> list[tuple[Decision, bool]]:
    """Decide one set of facts or a batch (all or nothing); count each decision that is an answer.

    A partial decision that still depends on missing facts is a question, not an answer, and is not counted unless
    ``final`` (the guide's last step, where "not sure" leaves it unknown). Returns (decision, counted) pairs.
    Raises FactsError on bad facts, before anything is counted."""
    today = today or clock.today()
    items = list(raw) if isinstance(raw, list) else [raw]
    if isinstance(raw, list):
        decisions = decide_batch(KIND, items, today=today, partial=partial)
    else:
        decisions = [decide(KIND, raw, today=today, partial=partial)]
    out: list[tuple[Decision, bool]] = []
    with transaction.atomic():
        for facts, decision in zip(items, decisions, strict=True):
            counted = False
            answer = final or not partial or decision.outcome != "unknown"
            code = facts.get("agency") if isinstance(facts, dict) else None
            agency = Agency.objects.filter(code=clean_code(code)).first() if isinstance(code, str) else None
            request = facts.get("request") if isinstance(facts, dict) else None
            if answer and agency is not None and request in DETAINER_REQUESTS and may_record_for(actor, agency):
                detainer_count_record(
                    actor=actor,
                    agency=agency,
                    on=decision.as_of or today,
                    request=request,
                    outcome=decision.outcome,
                    condition=deciding_condition(decision),
                )
                counted = True
            _counsel_step(decision, actor)
            out.append((decision, counted))
    return out
