"""The privacy app's link to the obligations engine (EO 13 §6, §6(1)). No second deadline engine here.

Recording a vacancy or a designation is an event for the engine; a designation made or a training attended
fulfils a duty. The engine's calls come through ``eo13.obligations.interface`` (issue 11: no more optional import).
"""

from datetime import date

from eo13.accounts.actors import Actor
from eo13.agencies.models import Agency
from eo13.deadlines import duty_due
from eo13.law.deadlines import ORDER_ISSUED, Event
from eo13.obligations import interface as obligations
from eo13.obligations.models import Obligation

VACANCY_EVENT = Event.PRIVACY_OFFICER_VACANCY.value
DESIGNATED_EVENT = Event.PRIVACY_OFFICER_DESIGNATED.value
# Obligation keys in the engine's catalogue.
INITIAL_DESIGNATION_KEY = "s6_privacy_officer_designation"
REPLACEMENT_KEY = "s6_privacy_officer_replacement"
TRAINING_KEY = "s6_1_cpo_training"


def event(*, actor: Actor, name: str, on: date, agency: Agency, subject: str) -> list[Obligation]:
    # A privacy officer named before the order took effect starts no duty of its own (EO 13 §9); the order's
    # issuance made the first training due (EO 13 §6(1)).
    if on < ORDER_ISSUED:
        return []
    return list(obligations.record_event(actor=actor, event=name, on=on, agency=agency, subject=subject))


def supersede(*, actor: Actor, agency: Agency, key: str, subject: str, note: str = "") -> Obligation | None:
    """A duty about an officer who has left or been replaced closes as superseded, not late (EO 13 §6(1))."""
    return obligations.supersede(actor=actor, agency=agency, key=key, subject=subject, note=note)


def fulfil(*, actor: Actor, agency: Agency, key: str, subject: str = "", note: str = "") -> Obligation | None:
    return obligations.fulfil(actor=actor, agency=agency, key=key, subject=subject, note=note)


# The dates shown beside a record come from the same catalogue and convention as the engine's (eo13.deadlines), so
# the register, its API and the reminders give the date `eo13 due` prints.


def initial_designation_due() -> date:
    """The first privacy officer was due 14 days after the order (EO 13 §6)."""
    due = duty_due(INITIAL_DESIGNATION_KEY, Event.ORDER_ISSUED, ORDER_ISSUED)
    assert due is not None  # the catalogue gives this duty a period
    return due


def vacancy_due(vacated_on: date) -> date:
    """A new privacy officer is due 30 days after the vacancy (EO 13 §6)."""
    due = duty_due(REPLACEMENT_KEY, VACANCY_EVENT, vacated_on)
    assert due is not None
    return due


def training_due(designated_on: date) -> date:
    """CPO training is due 60 days after designation, and for officers named in the first round by the date the
    order states (EO 13 §6(1))."""
    due = duty_due(TRAINING_KEY, DESIGNATED_EVENT, designated_on)
    assert due is not None
    return due
