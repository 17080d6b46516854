"""Start-up data: record the order's issuance once, so every office's duties exist (EO 13 §9; INTERFACES §3)."""

from typing import Any

from eo13.law.deadlines import ORDER_ISSUED, Event
from eo13.obligations.models import Obligation
from eo13.obligations.services import obligation_event_record
from eo13.obligations.tasks import ensure_daily_reminders


def run(stdout: Any) -> None:
    before = Obligation.objects.count()
    obligation_event_record(actor="bootstrap", event=Event.ORDER_ISSUED.value, on=ORDER_ISSUED)
    made = Obligation.objects.count() - before
    stdout.write(f"Obligations: {Obligation.objects.count()} duties across the offices ({made} new).")

    if ensure_daily_reminders():
        stdout.write("Obligations: daily reminder run scheduled on the task worker.")
