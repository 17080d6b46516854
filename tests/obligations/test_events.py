"""Events make duties due, once (EO 13 §2, §6, §6(1), §7(3); INTERFACES §3)."""

from datetime import date

import pytest

from eo13.agencies.models import Agency
from eo13.audit.models import AuditEntry
from eo13.errors import PermissionDenied, ValidationFailed
from eo13.obligations.models import Obligation, ObligationEvent, Status
from eo13.obligations.services import obligation_event_record, obligation_fulfil

SIX = {"ACS", "DOC", "DOHMH", "DOP", "DSS", "NYPD"}


def test_loading_the_order_creates_the_audit_report_and_the_designations(order_issued):
    audit = Obligation.objects.filter(key="s2_audit_report")
    assert {o.agency.code for o in audit} == SIX
    assert {o.due for o in audit} == {date(2026, 5, 7)} and {o.stated_due for o in audit} == {date(2026, 5, 7)}
    designation = Obligation.objects.filter(key="s6_privacy_officer_designation")
    every = set(Agency.objects.exclude(kind="division").values_list("code", flat=True))
    assert {o.agency.code for o in designation} == every
    assert {o.due for o in designation} == {date(2026, 2, 20)}
    training = Obligation.objects.filter(key="s6_1_cpo_training")
    assert {o.agency.code for o in training} == {"MOIP"} and {o.concerns.code for o in training} == every
    assert {o.due for o in training} == {date(2026, 4, 7)}
    assert all(o.event.event == "order-issued" for o in Obligation.objects.all())
    assert all(o.status == Status.OPEN for o in Obligation.objects.all())
    hhc = Obligation.objects.get(key="s2_3_health_and_hospitals")
    assert hhc.agency.code == "HHC" and not hhc.binding


def test_recording_the_order_again_creates_nothing(order_issued):
    count, audits = Obligation.objects.count(), AuditEntry.objects.count()
    again = obligation_event_record(actor="bootstrap", event="order-issued", on=date(2026, 2, 6))
    assert Obligation.objects.count() == count == len(again)
    assert AuditEntry.objects.count() == audits
    assert ObligationEvent.objects.count() == 1


def test_reports_to_the_mayor_are_due_when_city_hall_records_a_direction(order_issued, make_user):
    """EO 13 §7(1)(f): no invented cadence; a direction from the Mayor sets the date (which may lie ahead)."""
    reports = Obligation.objects.filter(key="s7_1_f_mayor_reports")
    assert [(o.agency.code, o.due) for o in reports] == [("CITYHALL", None)]
    hall = make_user("city_hall", "CITYHALL")
    made = obligation_event_record(actor=hall, event="mayor-direction", on=date(2099, 1, 15))
    assert [(o.key, o.agency.code, o.due) for o in made] == [("s7_1_f_mayor_reports", "CITYHALL", date(2099, 1, 15))]
    with pytest.raises(PermissionDenied):
        obligation_event_record(actor=make_user("agency_lead", "ACS"), event="mayor-direction", on=date(2099, 2, 1))


@pytest.mark.parametrize("on", [date(2026, 2, 5), date(2026, 2, 7)])
def test_the_order_was_issued_on_one_day_only(db, on):
    with pytest.raises(ValidationFailed) as err:
        obligation_event_record(actor="bootstrap", event="order-issued", on=on)
    assert err.value.field == "on"


def test_a_vacancy_before_the_order_makes_nothing_due(order_issued):
    with pytest.raises(ValidationFailed):
        obligation_event_record(
            actor="privacy",
            event="privacy-officer-vacancy",
            on=date(2026, 1, 20),
            agency=Agency.objects.get(code="DOT"),
        )


def test_a_vacancy_creates_the_30_day_replacement_duty(order_issued):
    dot = Agency.objects.get(code="DOT")
    made = obligation_event_record(
        actor="privacy", event="privacy-officer-vacancy", on=date(2026, 6, 1), agency=dot, subject="privacy-officer:17"
    )
    assert [(o.key, o.agency.code, o.due, o.section) for o in made] == [
        ("s6_privacy_officer_replacement", "DOT", date(2026, 7, 1), "EO 13 §6")
    ]
    assert made[0].event.event == "privacy-officer-vacancy" and made[0].subject == "privacy-officer:17"
    again = obligation_event_record(
        actor="privacy", event="privacy-officer-vacancy", on=date(2026, 6, 1), agency=dot, subject="privacy-officer:17"
    )
    assert [o.pk for o in again] == [made[0].pk]
    # A second vacancy later is a new event with its own duty.
    later = obligation_event_record(actor="privacy", event="privacy-officer-vacancy", on=date(2026, 9, 1), agency=dot)
    assert later[0].pk != made[0].pk and later[0].due == date(2026, 10, 1)


def test_the_cpo_training_follows_each_designation(order_issued):
    dot = Agency.objects.get(code="DOT")
    made = obligation_event_record(
        actor="privacy",
        event="privacy-officer-designated",
        on=date(2026, 7, 1),
        agency=dot,
        subject="privacy-officer:18",
    )
    assert [(o.key, o.agency.code, o.concerns.code, o.due) for o in made] == [
        ("s6_1_cpo_training", "MOIP", "DOT", date(2026, 8, 30))
    ]
    done = obligation_fulfil(
        actor="privacy",
        agency=dot,
        key="s6_1_cpo_training",
        subject="privacy-officer:18",
        note="Attended on 2026-08-12.",
    )
    assert done is not None and done.pk == made[0].pk and done.status == Status.ACCEPTED
    assert done.actions.last().action == "fulfilled"
    assert AuditEntry.objects.filter(action="obligation.fulfilled", object_id=str(done.pk)).exists()
    assert obligation_fulfil(actor="privacy", agency=dot, key="s6_1_cpo_training", subject="privacy-officer:18") is None


def test_fulfil_matches_the_office_that_owes_it(order_issued):
    acs = Agency.objects.get(code="ACS")
    done = obligation_fulfil(actor="privacy", agency=acs, key="s6_privacy_officer_designation")
    assert done is not None and done.agency == acs and done.completed_on is not None
    assert obligation_fulfil(actor="privacy", agency=acs, key="no_such_key") is None


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"event": "order-lost", "on": date(2026, 3, 1)}, "event"),
        ({"event": "privacy-officer-vacancy", "on": date(2026, 3, 1)}, "agency"),
        ({"event": "privacy-officer-vacancy", "on": date(2026, 1, 1), "agency": "DOT"}, "on"),
        ({"event": "privacy-officer-vacancy", "on": date(2099, 1, 1), "agency": "DOT"}, "on"),
        ({"event": "order-issued", "on": date(2026, 2, 6), "agency": "DOT"}, "agency"),
        (
            {"event": "policy-changed", "on": date(2026, 3, 1), "agency": "ACS", "subject": "call 212-555-0100"},
            "subject",
        ),
    ],
)
def test_bad_events_are_refused_and_change_nothing(order_issued, kwargs, field):
    if "agency" in kwargs:
        kwargs["agency"] = Agency.objects.get(code=kwargs["agency"])
    before = (Obligation.objects.count(), ObligationEvent.objects.count(), AuditEntry.objects.count())
    with pytest.raises(ValidationFailed) as err:
        obligation_event_record(actor="system", **kwargs)
    assert err.value.field == field
    assert (Obligation.objects.count(), ObligationEvent.objects.count(), AuditEntry.objects.count()) == before


def test_who_may_record_events(order_issued, make_user):
    acs, dot = Agency.objects.get(code="ACS"), Agency.objects.get(code="DOT")
    lead = make_user("agency_lead", "ACS")
    obligation_event_record(actor=lead, event="policy-changed", on=date(2026, 3, 2), agency=acs)
    with pytest.raises(PermissionDenied):
        obligation_event_record(actor=lead, event="policy-changed", on=date(2026, 3, 2), agency=dot)
    with pytest.raises(PermissionDenied):
        obligation_event_record(actor=lead, event="order-issued", on=date(2026, 2, 6))
    cpo = make_user("chief_privacy_officer", "MOIP")
    assert obligation_event_record(actor=cpo, event="privacy-officer-vacancy", on=date(2026, 3, 2), agency=dot)
    assert set(Obligation.objects.filter(subject__startswith="policy-changed").values_list("key", flat=True)) == {
        "s2_1_update_online",
        "s2_2_training_update",
    }
