"""The register of privacy officers and CPO training, end to end with dates (EO 13 §6, §6(1))."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from eo13 import clock
from eo13.agencies.models import Agency
from eo13.audit.models import AuditEntry
from eo13.errors import ConflictError, PermissionDenied, ValidationFailed
from eo13.obligations.models import Obligation
from eo13.privacy import selectors, services
from eo13.privacy.models import PrivacyOfficerDesignation, PrivacyOfficerVacancy, TrainingAttendance

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 27)


def _row(user, code="ACS"):
    return next(r for r in selectors.register_status(user=user, today=TODAY) if r.agency.code == code)


def _duty(key, code="ACS"):
    return Obligation.objects.filter(key=key).filter(agency__code=code) | Obligation.objects.filter(
        key=key, concerns__code=code
    )


# The task worker commits and closes connections as it would in production, so this test commits for real.
@pytest.mark.django_db(transaction=True)
def test_vacancy_to_designation_to_training_closes_each_duty_in_turn(
    make_user, cpo, designate, django_capture_on_commit_callbacks
):
    lead = make_user("agency_lead", "ACS")
    acs = Agency.objects.get(code="ACS")
    first = designate(on=date(2026, 2, 10))

    # The officer leaves on Sep 1: the 30-day duty starts and the CPO is told by e-mail.
    with django_capture_on_commit_callbacks(execute=True):
        vacancy = services.vacancy_record(actor=lead, agency=acs, vacated_on=date(2026, 9, 1), note="Retired.")
    first.refresh_from_db()
    assert first.ended_on == date(2026, 9, 1)
    duty = _duty("s6_privacy_officer_replacement").get()
    assert duty.due == date(2026, 10, 1) and duty.status == "open"
    assert duty.subject == f"privacy-officer-vacancy:{vacancy.pk}"
    row = _row(cpo)
    assert row.missing and row.designation_due == date(2026, 10, 1) and "designation_overdue" in row.flags

    call_command("db_worker", "--batch", "--no-startup-delay")
    (message,) = mail.outbox
    assert message.to == [cpo.email]
    assert "ACS" in message.subject and "October 1, 2026" in message.body and "EO 13 §6" in message.body

    # A new officer on Sep 20 fills the vacancy, closes that duty and starts the 60-day training duty.
    second = services.designation_record(
        actor=lead,
        agency=acs,
        full_name="Demo Officer Bravo",
        title="Privacy Officer",
        email="bravo@example.nyc.test",
        phone="212-555-0143",
        designated_on=date(2026, 9, 20),
    )
    duty.refresh_from_db()
    assert duty.status == "accepted"
    vacancy.refresh_from_db()
    assert vacancy.filled_by == second
    training = _duty("s6_1_cpo_training").get(subject=f"privacy-officer:{second.pk}")
    assert training.due == date(2026, 11, 19) and training.status == "open"
    row = _row(cpo)
    assert row.officer == second and row.untrained and row.training_due == date(2026, 11, 19)
    assert "training_overdue" in row.flags

    # A session before the designation does not count; one after it closes the duty.
    early = services.training_session_create(
        actor=cpo, kind="identifying_information_law", topic="Identifying Information Law", held_on=date(2026, 3, 1)
    )
    with pytest.raises(ValidationFailed):
        services.training_attendance_record(actor=cpo, session=early, designation=second)
    session = services.training_session_create(
        actor=cpo, kind="identifying_information_law", topic="Identifying Information Law", held_on=date(2026, 10, 5)
    )
    services.training_attendance_record(actor=cpo, session=session, designation=second)
    training.refresh_from_db()
    assert training.status == "accepted"
    row = _row(cpo)
    assert row.trained_on == date(2026, 10, 5) and not row.untrained and not row.overdue

    actions = list(AuditEntry.objects.filter(action__startswith="privacy").values_list("action", flat=True))
    for step in ("privacy_officer.vacancy", "privacy_officer.designate", "privacy_training.attend"):
        assert step in actions


def test_additional_privacy_law_training_does_not_close_the_first_training_duty(cpo, designate):
    d = designate(on=date(2026, 5, 1))
    s = services.training_session_create(
        actor=cpo, kind="additional_privacy_laws", topic="Health privacy", held_on=date(2026, 6, 1)
    )
    services.training_attendance_record(actor=cpo, session=s, designation=d)
    assert _row(cpo).untrained
    assert _duty("s6_1_cpo_training").get(subject=d.subject).status == "open"


def test_the_cpo_sees_who_is_missing_overdue_and_untrained(cpo, designate):
    designate("ACS", on=date(2026, 2, 10))
    missing = {r.agency.code for r in selectors.register_status(user=cpo, today=TODAY, only="missing")}
    untrained = {r.agency.code for r in selectors.register_status(user=cpo, today=TODAY, only="untrained")}
    overdue = {r.agency.code for r in selectors.register_status(user=cpo, today=TODAY, only="overdue")}
    assert "ACS" not in missing and "DOC" in missing
    assert "HRA" not in missing  # divisions answer through DSS
    assert untrained == {"ACS"}
    assert {"ACS", "DOC"} <= overdue
    # before the first deadline, nobody is overdue yet
    early = selectors.register_status(user=cpo, today=date(2026, 2, 12), only="overdue")
    assert early == []


@pytest.mark.parametrize(
    "field, value, error_field",
    [
        ("full_name", "", "full_name"),
        ("email", "not-an-email", "email"),
        ("phone", "call me", "phone"),
        ("designated_on", clock.today() + timedelta(days=1), "designated_on"),  # the future
    ],
)
def test_bad_designations_are_refused_and_change_nothing(cpo, field, value, error_field):
    data = {
        "full_name": "Demo Officer Alpha",
        "title": "Privacy Officer",
        "email": "alpha@example.nyc.test",
        "phone": "212-555-0101",
        "designated_on": date(2026, 3, 1),
        field: value,
    }
    audit_before = AuditEntry.objects.count()
    with pytest.raises(ValidationFailed) as err:
        services.designation_record(actor=cpo, agency=Agency.objects.get(code="ACS"), **data)
    assert err.value.field == error_field
    assert PrivacyOfficerDesignation.objects.count() == 0
    assert AuditEntry.objects.count() == audit_before


def test_one_agency_cannot_name_anothers_officer(make_user):
    doc_lead = make_user("agency_lead", "DOC")
    with pytest.raises(PermissionDenied):
        services.designation_record(
            actor=doc_lead,
            agency=Agency.objects.get(code="ACS"),
            full_name="Demo Officer Alpha",
            title="Privacy Officer",
            email="alpha@example.nyc.test",
            phone="212-555-0101",
            designated_on=date(2026, 3, 1),
        )
    assert not PrivacyOfficerDesignation.objects.exists()


def test_a_second_open_vacancy_conflicts(make_user):
    lead = make_user("agency_lead", "ACS")
    acs = Agency.objects.get(code="ACS")
    services.vacancy_record(actor=lead, agency=acs, vacated_on=date(2026, 3, 1))
    with pytest.raises(ConflictError):
        services.vacancy_record(actor=lead, agency=acs, vacated_on=date(2026, 3, 2))
    assert PrivacyOfficerVacancy.objects.count() == 1


def test_contact_edits_conflict_instead_of_overwriting(designate, cpo):
    d = designate()
    kwargs = {"full_name": d.full_name, "title": "Chief Privacy Lead", "email": d.email, "phone": d.phone}
    services.designation_update_contact(actor=cpo, designation=d, expected_version=1, **kwargs)
    stale = PrivacyOfficerDesignation.objects.get(pk=d.pk)
    with pytest.raises(ConflictError):
        services.designation_update_contact(
            actor=cpo, designation=stale, expected_version=1, **kwargs | {"title": "Other"}
        )
    assert PrivacyOfficerDesignation.objects.get(pk=d.pk).title == "Chief Privacy Lead"


def test_attendance_is_the_cpos_to_record_and_only_once(designate, cpo, po):
    d = designate(on=date(2026, 3, 1))
    s = services.training_session_create(
        actor=cpo, kind="identifying_information_law", topic="IIL", held_on=date(2026, 3, 10)
    )
    with pytest.raises(PermissionDenied):
        services.training_attendance_record(actor=po, session=s, designation=d)
    services.training_attendance_record(actor=cpo, session=s, designation=d)
    with pytest.raises(ConflictError):
        services.training_attendance_record(actor=cpo, session=s, designation=d)
    assert TrainingAttendance.objects.count() == 1
