"""Writes to obligations: events that make duties due, and the review cycle (EO 13 §2, §5, §6, §7, §8).

Status runs open → submitted → accepted, or submitted → returned → submitted again. Each change checks the
actor's role and agency, carries the version it started from (two reviewers conflict instead of overwriting),
and writes its timeline step and its audit entry in one transaction. Evidence uploads live in ``evidence.py``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from eo13 import clock
from eo13.accounts.actors import Actor, ActorOrJob
from eo13.accounts.policy import has_role, require_role
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.deadlines import duties_due
from eo13.errors import PermissionDenied, ValidationFailed
from eo13.law.deadlines import AGENCY_EVENTS, EVENTS, ORDER_ISSUED, Event, periods_started
from eo13.law.obligations import CATALOGUE, CatalogueError, Office
from eo13.obligations.models import OPEN_STATUSES, Obligation, ObligationAction, ObligationEvent, Status
from eo13.obligations.policy import EVENT_RECORDERS, OBLIGATION_POLICY, REVIEWERS
from eo13.scrub import scrub
from eo13.text import clean_free_text
from eo13.versioning import versioned_update

MAX_NOTE = 4000


def _actor_name(actor: ActorOrJob) -> str:
    if not isinstance(actor, str) and actor.is_authenticated:
        return str(actor.get_username())
    return actor if isinstance(actor, str) else "system"


def _user(actor: ActorOrJob) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def registry_offices() -> list[Office]:
    rows = Agency.objects.filter(active=True).values_list(
        "code", "kind", "is_section_2", "mayor_appoints_board_majority"
    )
    return [Office(code, kind, sec2, majority) for code, kind, sec2, majority in rows]


def _clean_note(note: str, *, field: str = "note", required: bool = False) -> str:
    text = clean_free_text(note, field=field, max_length=MAX_NOTE).text
    if required and not text:
        raise ValidationFailed("Write a short note for the reviewer.", field=field)
    return text


def _step(obligation: Obligation, actor: ActorOrJob, action: str, before: str, note: str = "") -> None:
    ObligationAction.objects.create(
        obligation=obligation,
        at=timezone.now(),
        actor=_user(actor),
        actor_name=_actor_name(actor),
        action=action,
        from_status=before,
        to_status=obligation.status,
        note=note,
    )


def _check_event_permission(actor: ActorOrJob, event: Event, agency: Agency | None) -> None:
    if _user(actor) is None:
        return  # the system itself (bootstrap, the privacy registers' own hooks)
    if event in (Event.ORDER_ISSUED, Event.MAYOR_DIRECTION, Event.AUDIT_REPORT_ACCEPTED):
        require_role(actor, REVIEWERS)
        return
    if has_role(actor, EVENT_RECORDERS):
        return
    assert agency is not None
    OBLIGATION_POLICY.require_write(actor, agency_id=agency.pk)


def obligation_event_record(
    *, actor: ActorOrJob, event: str, on: dt.date, agency: Agency | None = None, subject: str = ""
) -> list[Obligation]:
    """Record an event and create, once, every duty it makes due (INTERFACES §3).

    Returns every obligation the event makes due, whether made now or by an earlier recording of the same event.
    ``subject`` tells repeated events for one agency apart (``"privacy-officer:17"``); when it is empty for an
    event about one agency, the event's date does. Recording again also adds duties the catalogue gained since
    and periods of recurring duties that have begun."""
    if event not in EVENTS:
        raise ValidationFailed(f"Unknown event {event!r}; use one of {', '.join(EVENTS)}.", field="event")
    ev = Event(event)
    if not isinstance(on, dt.date):
        raise ValidationFailed("Give the date the event happened, as YYYY-MM-DD.", field="on")
    if on < ORDER_ISSUED:
        raise ValidationFailed(
            f"The order took effect on {ORDER_ISSUED.isoformat()} (EO 13 §9); no duty comes before.", field="on"
        )
    if on > clock.today() and ev is not Event.MAYOR_DIRECTION:  # a direction sets a date ahead (EO 13 §7(1)(f))
        raise ValidationFailed("The event date is in the future.", field="on")
    if ev is Event.ORDER_ISSUED and on != ORDER_ISSUED:
        raise ValidationFailed(
            f"The order was issued on {ORDER_ISSUED.isoformat()} (EO 13 §9); no other date.", field="on"
        )
    if ev in AGENCY_EVENTS and agency is None:
        raise ValidationFailed(f"The event {event!r} is about one agency: name it.", field="agency")
    if ev not in AGENCY_EVENTS and agency is not None:
        raise ValidationFailed("The order's issuance is about every office, not one agency.", field="agency")
    subject = (subject or "").strip()[:100]
    if scrub(subject).changed:
        raise ValidationFailed("The subject must not name a person; use a record id.", field="subject")
    _check_event_permission(actor, ev, agency)
    # Each direction from the Mayor is its own report (EO 13 §7(1)(f)), told apart by the date it sets.
    per_instance = agency is not None or ev is Event.MAYOR_DIRECTION
    instance_subject = subject or (f"{ev.value}:{on.isoformat()}" if per_instance else "")
    try:
        duties = duties_due(
            ev.value,
            on,
            registry_offices(),
            agency=agency.code if agency else None,
            periods=_periods_begun(ev, on),
        )
    except CatalogueError as exc:
        raise ValidationFailed(str(exc), field="agency") from None
    codes = {d.responsible for d in duties} | {d.concerns for d in duties if d.concerns}
    agencies = {a.code: a for a in Agency.objects.filter(code__in=codes)}
    with transaction.atomic():
        key = f"{ev.value}|{agency.code if agency else ''}|{subject}|{on.isoformat()}"
        record, new_event = ObligationEvent.objects.get_or_create(
            dedupe_key=key,
            defaults={
                "event": ev.value,
                "on": on,
                "agency": agency,
                "subject": subject,
                "recorded_by": _actor_name(actor),
            },
        )
        keyed = {"|".join([d.key, d.responsible, d.concerns or "", instance_subject, str(d.period)]): d for d in duties}
        existing = {o.dedupe_key: o for o in Obligation.objects.filter(dedupe_key__in=list(keyed))}
        fresh = [
            Obligation(
                dedupe_key=dedupe,
                key=d.key,
                section=d.spec.section,
                title=d.spec.title,
                agency=agencies[d.responsible],
                concerns=agencies.get(d.concerns) if d.concerns else None,
                subject=instance_subject,
                period=d.period,
                due=d.due,
                stated_due=d.spec.stated if ev is Event.ORDER_ISSUED and d.period <= 1 else None,
                binding=d.spec.binding,
                event=record,
            )
            for dedupe, d in keyed.items()
            if dedupe not in existing
        ]
        # One insert for the duties and one for their first timeline step: the order's issuance makes hundreds.
        created = Obligation.objects.bulk_create(fresh)
        if any(o.pk is None for o in created):  # a backend that does not return keys
            created = list(Obligation.objects.filter(dedupe_key__in=[o.dedupe_key for o in fresh]))
        now = timezone.now()
        note = f"Made due by: {ev.label}, {on:%b} {on.day}, {on.year}."
        ObligationAction.objects.bulk_create(
            ObligationAction(
                obligation=o,
                at=now,
                actor=_user(actor),
                actor_name=_actor_name(actor),
                action="created",
                from_status="",
                to_status=Status.OPEN,
                note=note,
            )
            for o in created
        )
        by_key = existing | {o.dedupe_key: o for o in created}
        out = [by_key[k] for k in keyed]
        if created or new_event:
            audit_record(
                actor=actor,
                action=AuditAction.OBLIGATION_EVENT_RECORD,
                target=record,
                agency_code=agency.code if agency else "",
                changes={
                    "event": {"new": ev.value},
                    "on": {"new": on.isoformat()},
                    "subject": {"new": subject},
                    "created": {"new": [o.pk for o in created]},
                },
            )
    return out


def _periods_begun(ev: Event, on: dt.date) -> int:
    """How many periods of the event's recurring duties have begun by today (each becomes its own duty)."""
    rules = [r for s in CATALOGUE if s.recurring for r in s.parsed if r.event is ev]
    return max((periods_started(r, on, clock.today()) for r in rules), default=1)


def obligation_events_refresh(*, actor: ActorOrJob) -> int:
    """Re-record every stored event: adds periods of recurring duties that have begun. Returns how many
    obligations were made."""
    before = Obligation.objects.count()
    for record in ObligationEvent.objects.select_related("agency"):
        if record.event == Event.ORDER_ISSUED:
            obligation_event_record(actor=actor, event=record.event, on=record.on, subject=record.subject)
    return Obligation.objects.count() - before


def _change(
    *,
    actor: ActorOrJob,
    obligation: Obligation,
    expected_version: int,
    allowed_from: tuple[str, ...],
    to: str,
    action: str,
    note: str,
    extra: dict[str, Any] | None = None,
) -> Obligation:
    if obligation.status not in allowed_from:
        raise ValidationFailed(
            f"This duty is {obligation.get_status_display().lower()}; it cannot be {action} now.", field="status"
        )
    before = obligation.status
    with transaction.atomic():
        obligation, _ = versioned_update(
            obligation,
            expected_version,
            conflict="Someone else changed this duty since you opened it. Reload and try again.",
            where={"status": before},
            **{"status": to, "updated_at": timezone.now(), **(extra or {})},
        )
        _step(obligation, actor, action, before, note)
        audit_record(
            actor=actor,
            action=AuditAction(f"obligation.{action}"),
            target=obligation,
            agency_code=obligation.agency.code,
            changes={"status": {"old": before, "new": to}, "note": {"new": note}},
        )
    return obligation


def obligation_submit(*, actor: Actor, obligation: Obligation, expected_version: int, note: str) -> Obligation:
    """Send a duty for review with its evidence and a note."""
    OBLIGATION_POLICY.require_write(actor, obligation)
    text = _clean_note(note, required=True)
    if not obligation.evidence.exists():
        raise ValidationFailed("Add at least one evidence file before you submit.", field="evidence")
    return _change(
        actor=actor,
        obligation=obligation,
        expected_version=expected_version,
        allowed_from=OPEN_STATUSES,
        to=Status.SUBMITTED,
        action="submitted",
        note=text,
        extra={"submitted_at": timezone.now(), "submitted_by": _user(actor)},
    )


def _require_reviewer(actor: Actor, obligation: Obligation) -> None:
    require_role(actor, REVIEWERS)
    if obligation.submitted_by_id is not None and obligation.submitted_by_id == getattr(actor, "pk", None):
        raise PermissionDenied("Someone other than the person who submitted must review it.")


def obligation_accept(*, actor: Actor, obligation: Obligation, expected_version: int, note: str = "") -> Obligation:
    _require_reviewer(actor, obligation)
    accepted = _change(
        actor=actor,
        obligation=obligation,
        expected_version=expected_version,
        allowed_from=(Status.SUBMITTED,),
        to=Status.ACCEPTED,
        action="accepted",
        note=_clean_note(note),
        extra={"completed_on": clock.today()},
    )
    if accepted.key == AUDIT_REPORT_KEY:
        # EO 13 §2: continuous review follows "the completion of the initial audit and report".
        obligation_event_record(
            actor=actor, event=Event.AUDIT_REPORT_ACCEPTED.value, on=clock.today(), agency=accepted.agency
        )
    return accepted


AUDIT_REPORT_KEY = "s2_audit_report"


def obligation_return(*, actor: Actor, obligation: Obligation, expected_version: int, comments: str) -> Obligation:
    _require_reviewer(actor, obligation)
    text = _clean_note(comments, field="comments", required=True)
    return _change(
        actor=actor,
        obligation=obligation,
        expected_version=expected_version,
        allowed_from=(Status.SUBMITTED,),
        to=Status.RETURNED,
        action="returned",
        note=text,
    )


def obligation_fulfil(
    *, actor: ActorOrJob, agency: Agency, key: str, subject: str = "", note: str = ""
) -> Obligation | None:
    """Mark the matching open duty done because EO13 itself saw it happen (a designation was registered, a
    privacy officer attended the CPO's training). ``agency`` is the office that owes the duty or the one it is
    about; an empty ``subject`` matches the earliest-due open duty with that key. None when nothing matches."""
    qs = Obligation.objects.filter(Q(agency=agency) | Q(concerns=agency), key=key, status__in=OPEN_STATUSES)
    if subject:
        qs = qs.filter(subject=subject)
    obligation = qs.order_by("due", "id").first()
    if obligation is None:
        return None
    text = _clean_note(note) or "Seen done in EO13's own records."
    return _change(
        actor=actor,
        obligation=obligation,
        expected_version=obligation.version,
        allowed_from=OPEN_STATUSES,
        to=Status.ACCEPTED,
        action="fulfilled",
        note=text,
        extra={"completed_on": clock.today()},
    )


def obligation_supersede(*, actor: Actor, agency: Agency, key: str, subject: str, note: str = "") -> Obligation | None:
    """Close the open duty about ``subject`` because what it was about is gone (EO 13 §6(1): the CPO need not train
    a privacy officer who has been replaced). Closed as superseded, never counted late. None when nothing matches."""
    qs = Obligation.objects.filter(Q(agency=agency) | Q(concerns=agency), key=key, subject=subject)
    obligation = qs.filter(status__in=(*OPEN_STATUSES, Status.SUBMITTED)).order_by("due", "id").first()
    if obligation is None:
        return None
    return _change(
        actor=actor,
        obligation=obligation,
        expected_version=obligation.version,
        allowed_from=(*OPEN_STATUSES, Status.SUBMITTED),
        to=Status.SUPERSEDED,
        action="superseded",
        note=_clean_note(note) or "Superseded: what this duty was about no longer exists.",
    )
