"""Deadline reminders by e-mail (issue 4): table-driven, one digest per person per run, never twice for the same
threshold of one duty.

A duty is reminded 14, 7 and 1 days before its due date, and on the day it becomes overdue (the day after the
due date, which is the last day to act). If the daily run missed some days, only the most urgent threshold
reached is sent; a threshold already passed is never sent late.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from eo13.accounts.actors import ActorOrJob
from eo13.accounts.models import User
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.clock import today
from eo13.law.deadlines import days_left
from eo13.obligations.models import OPEN_STATUSES, Obligation, ReminderDigest, ReminderSent
from eo13.obligations.policy import policy_for

# (days before the due date, what the e-mail says). -1 is the day the duty becomes overdue.
THRESHOLDS: tuple[tuple[int, str], ...] = (
    (14, "due in 14 days"),
    (7, "due in 7 days"),
    (1, "due tomorrow"),
    (-1, "now overdue"),
)
WINDOW = max(t for t, _ in THRESHOLDS)


def threshold_for(left: int) -> int | None:
    """The most urgent threshold reached with ``left`` days to go, or None when none is reached yet."""
    reached = [t for t, _ in THRESHOLDS if left <= t]
    return min(reached) if reached else None


@dataclass(frozen=True)
class Item:
    obligation: Obligation
    threshold: int
    label: str
    left: int


def reminders_due(on: dt.date) -> list[Item]:
    """Which duties cross a threshold on ``on`` and have not been reminded at it (or a later one) yet."""
    qs = (
        Obligation.objects.filter(status__in=OPEN_STATUSES, due__isnull=False, due__lte=on + dt.timedelta(days=WINDOW))
        .select_related("agency")
        .prefetch_related("reminders")
    )
    labels = dict(THRESHOLDS)
    items = []
    for o in qs:
        left = days_left(o.due, on)  # type: ignore[arg-type]
        t = threshold_for(left)
        if t is None or any(r.threshold <= t for r in o.reminders.all()):
            continue
        items.append(Item(o, t, labels[t], left))
    return items


def reminders_send(*, on: dt.date | None = None, actor: ActorOrJob = "reminders") -> dict[str, int]:
    """Mail one digest to each person responsible for a duty that crossed a threshold; record what was sent."""
    on = on or today()
    items = reminders_due(on)
    by_user: dict[int, tuple[User, list[Item]]] = {}
    reached: dict[int, int] = defaultdict(int)
    for item in items:
        for user in policy_for(item.obligation.key).users_to_tell(item.obligation):
            by_user.setdefault(user.pk, (user, []))[1].append(item)
            reached[item.obligation.pk] += 1
    base = getattr(settings, "EO13_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    sent = 0
    for user, user_items in sorted(by_user.values(), key=lambda pair: pair[0].pk):
        user_items.sort(key=lambda i: (i.left, i.obligation.agency.code, i.obligation.key))
        context = {
            "user": user,
            "items": [(i, base + reverse("obligations:detail", args=[i.obligation.pk])) for i in user_items],
            "overdue": sum(1 for i in user_items if i.left < 0),
            "on": on,
            "workspace": base + reverse("obligations:workspace"),
        }
        count = len(user_items)
        subject = f"EO13: {count} {'duty needs' if count == 1 else 'duties need'} attention"
        body = render_to_string("obligations/reminder_email.txt", context)
        # Exactly once across workers and re-runs: the digest row is the claim, committed only once the mail is
        # handed over; another worker's insert waits on it and then finds it taken (issue 14).
        try:
            with transaction.atomic():
                ReminderDigest.objects.create(user=user, sent_on=on, duties=count)
                send_mail(subject, body, None, [user.email])
        except IntegrityError:
            continue
        sent += 1
    with transaction.atomic():
        ReminderSent.objects.bulk_create(
            [
                ReminderSent(
                    obligation=i.obligation, threshold=i.threshold, sent_on=on, recipients=reached[i.obligation.pk]
                )
                for i in items
            ],
            ignore_conflicts=True,
        )
        if items:
            audit_record(
                actor=actor,
                action=AuditAction.OBLIGATION_REMINDERS_SENT,
                model="obligations.ReminderSent",
                changes={"on": {"new": on.isoformat()}, "duties": {"new": len(items)}, "emails": {"new": sent}},
            )
    return {"duties": len(items), "emails": sent}
