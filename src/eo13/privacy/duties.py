"""The privacy app's link to the obligations engine (EO 13 §6, §6(1)). No second deadline engine here.

Recording a vacancy or a designation is an event for the engine; a designation made or a training attended
fulfils a duty. The engine lives in ``eo13.obligations.services``; while it is not installed these calls do
nothing, so the register still works.
"""

from datetime import date
from typing import Any

from eo13.accounts.actors import Actor

VACANCY_EVENT = "privacy-officer-vacancy"
DESIGNATED_EVENT = "privacy-officer-designated"
# Obligation keys in the engine's catalogue.
INITIAL_DESIGNATION_KEY = "s6_privacy_officer_designation"
REPLACEMENT_KEY = "s6_privacy_officer_replacement"
TRAINING_KEY = "s6_1_cpo_training"


def _engine() -> Any:
    try:
        from eo13.obligations import services
    except ImportError:
        return None
    if not hasattr(services, "obligation_event_record") or not hasattr(services, "obligation_fulfil"):
        return None
    return services


def event(*, actor: Actor, name: str, on: date, agency: Any, subject: str) -> list[Any]:
    engine = _engine()
    # A privacy officer named before the order took effect starts no duty of its own (EO 13 §9); the order's
    # issuance made the first training due (EO 13 §6(1)).
    if engine is None or on < ORDER_ISSUED:
        return []
    return list(engine.obligation_event_record(actor=actor, event=name, on=on, agency=agency, subject=subject) or [])


def supersede(*, actor: Actor, agency: Any, key: str, subject: str, note: str = "") -> Any:
    """A duty about an officer who has left or been replaced closes as superseded, not late (EO 13 §6(1))."""
    engine = _engine()
    if engine is None or not hasattr(engine, "obligation_supersede"):
        return None
    return engine.obligation_supersede(actor=actor, agency=agency, key=key, subject=subject, note=note)


def fulfil(*, actor: Actor, agency: Any, key: str, subject: str = "", note: str = "") -> Any:
    engine = _engine()
    if engine is None:
        return None
    return engine.obligation_fulfil(actor=actor, agency=agency, key=key, subject=subject, note=note)


# The order's periods, for showing a date beside a record; the engine above owns reminders and status.
ORDER_ISSUED = date(2026, 2, 6)  # EO 13 §9
INITIAL_DESIGNATION_DUE = date(2026, 2, 20)  # EO 13 §6: 14 days
INITIAL_TRAINING_DUE = date(2026, 4, 7)  # EO 13 §6(1): 60 days
VACANCY_DAYS = 30  # EO 13 §6
TRAINING_DAYS = 60  # EO 13 §6(1)


def _add_days(start: date, days: int) -> date:
    from eo13.law.deadlines import add_days

    return add_days(start, days).due


def vacancy_due(vacated_on: date) -> date:
    """A new privacy officer is due 30 days after the vacancy (EO 13 §6)."""
    return _add_days(vacated_on, VACANCY_DAYS)


def training_due(designated_on: date) -> date:
    """CPO training is due 60 days after designation, and for officers named at the start by April 7, 2026
    (EO 13 §6(1))."""
    return max(_add_days(designated_on, TRAINING_DAYS), INITIAL_TRAINING_DUE)
