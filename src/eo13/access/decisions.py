"""Asking the engine from the web and the API: decide, add whom to call, and log the decision (INTERFACES §2)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.db import router, transaction

from eo13 import clock
from eo13.access.models import DecisionLog
from eo13.access.policy import NOT_A_DECIDER, may_decide
from eo13.access.registry import DatabaseRegistry
from eo13.accounts.actors import Actor, person
from eo13.accounts.policy import primary_membership
from eo13.audit.actions import AuditAction
from eo13.audit.fast_append import insert_with_entry
from eo13.audit.services import Unsealed, audit_append, audit_entry_unsealed
from eo13.errors import PermissionDenied
from eo13.fast_insert import Encoded, insert_row
from eo13.law.decide import decide, decide_batch
from eo13.law.engine import Decision
from eo13.scrub import scrub_value


def _with_contacts(decision: Decision, actor: Actor) -> Decision:
    membership = primary_membership(actor)
    if membership is not None:
        a = membership.agency
        decision.next_steps.append(f"Your agency counsel: {a.counsel_name}, {a.counsel_phone}, {a.counsel_email}.")
        for entry in decision.attested:
            if not entry.get("by"):
                entry["by"] = f"{actor.get_username()} ({a.code})"
    return decision


@dataclass(frozen=True, slots=True)
class Recorded:
    """A decision as logged: its key in the decision log and the decision object (INTERFACES §2), also as the JSON
    written to the log, so the API answers with the same text instead of encoding it a second time (issue 14)."""

    pk: int
    decision: dict[str, Any]
    decision_json: str

    def answer_json(self) -> str:
        """The API's answer for this decision: the decision object with its ``decision_id`` last."""
        return f'{self.decision_json[:-1]}, "decision_id": {self.pk}}}'


def _scrub_free_text(raw: Any) -> Any:
    """The only free text in decision facts is who attested a judgment and why; scrub it before anything sees it.
    Everything else is an enum, a boolean, a date or a registry id, which the parser checks strictly."""
    if isinstance(raw, list):
        return [_scrub_free_text(item) for item in raw]
    if isinstance(raw, dict) and isinstance(raw.get("attestations"), dict):
        return {**raw, "attestations": scrub_value(raw["attestations"])}
    return raw


def decision_make(*, actor: Actor, kind: str, raw: Any, partial: bool = False, channel: str = "api") -> list[Recorded]:
    """Decide one set of facts or a batch (all or nothing) and log each decision. Raises FactsError on bad facts,
    PermissionDenied for the read-only auditor or a user with no role (nothing is logged for them)."""
    if not may_decide(actor):
        raise PermissionDenied(NOT_A_DECIDER)
    raw = _scrub_free_text(raw)
    registry = DatabaseRegistry()
    today = clock.today()
    if isinstance(raw, list):
        decisions = decide_batch(kind, raw, today=today, partial=partial, registry=registry)
        items = list(zip(raw, decisions, strict=True))
    else:
        items = [(raw, decide(kind, raw, today=today, partial=partial, registry=registry))]
    membership = primary_membership(actor)
    asker = person(actor)
    using = router.db_for_write(DecisionLog)
    # Each decision object is encoded once, for the log and for the answer (it holds only JSON's own types).
    objects = [_with_contacts(decision, actor).as_dict() for _, decision in items]
    rows = [
        {
            "kind": kind,
            "partial": partial,
            "facts": facts,
            "outcome": decision.outcome,
            "decision": Encoded(json.dumps(obj)),
            "rules_version": decision.rules_version or "",
            "as_of": decision.as_of or today,
            "asked_by_id": asker.pk if asker else None,
            "agency_id": membership.agency_id if membership else None,
            "channel": channel,
            "created_at": clock.now(),
        }
        for (facts, decision), obj in zip(items, objects, strict=True)
    ]
    agency_code = membership.agency.code if membership else ""

    def entry(row: dict[str, Any], pk: int | None = None) -> Unsealed:
        return audit_entry_unsealed(
            actor=actor,
            action=AuditAction.DECISION_RECORD,
            model=DecisionLog._meta.label,
            object_id="" if pk is None else str(pk),
            agency_code=agency_code,
            changes={"kind": {"new": kind}, "outcome": {"new": row["outcome"]}},
            vocabulary_only=True,  # a kind of KINDS and an outcome of the engine's: nothing to scrub
        )

    if len(rows) == 1:
        # One decision, outside any transaction on PostgreSQL: the log and its audit entry in one statement.
        pk = insert_with_entry(DecisionLog, rows[0], entry(rows[0]), using)
        if pk is not None:
            return [Recorded(pk, objects[0], rows[0]["decision"])]
    recorded: list[Recorded] = []
    with transaction.atomic(using=using):
        for row, obj in zip(rows, objects, strict=True):
            # As DecisionLog.objects.create, from a statement written once and only the JSON and dates prepared.
            pk = insert_row(DecisionLog, row, using)
            audit_append(entry(row, pk))
            recorded.append(Recorded(pk, obj, row["decision"]))
    return recorded
