"""Issue 10 (EO 13 §6(1)): a first-round officer is trained by 2026-04-07, and a replaced officer's training duty
closes as superseded, never late."""

from datetime import date

import pytest

from eo13.agencies.models import Agency
from eo13.obligations.models import Obligation
from eo13.obligations.selectors import due_state
from eo13.privacy import services

pytestmark = pytest.mark.django_db


def _record(actor, on, name):
    return services.designation_record(
        actor=actor,
        agency=Agency.objects.get(code="ACS"),
        full_name=f"Demo Officer {name}",
        title="Privacy Officer",
        email=f"{name.lower()}@example.nyc.test",
        phone="212-555-0143",
        designated_on=on,
    )


def test_first_round_then_replacement(make_user):
    lead = make_user("agency_lead", "ACS")
    first = _record(lead, date(2026, 2, 12), "Alpha")
    duty = Obligation.objects.get(key="s6_1_cpo_training", subject=first.subject)
    assert duty.due == date(2026, 4, 7)  # first round: the order's own date, not 60 days from Feb 12
    second = _record(lead, date(2026, 3, 1), "Bravo")
    duty.refresh_from_db()
    assert duty.status == "superseded" and due_state(duty, date(2026, 11, 27)) == ""
    later = Obligation.objects.get(key="s6_1_cpo_training", subject=second.subject)
    assert later.status == "open" and later.due == date(2026, 4, 30)  # named later: 60 days from designation
