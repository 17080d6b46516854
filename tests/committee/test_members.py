"""EO 13 §7(2), §7(3): the membership board, the designation duties it closes and opens, and City Hall's chase."""

import pytest
from django.core import mail

from eo13.agencies.models import Agency
from eo13.audit.models import AuditEntry
from eo13.committee.models import CommitteeMember
from eo13.committee.selectors import member_board
from eo13.committee.services.members import member_depart, member_designate, members_chase
from eo13.errors import NotFound, PermissionDenied, ValidationFailed
from eo13.obligations.models import Obligation, Status
from tests.committee.helpers import D


def _designate(actor, code="ACS", role="senior_operations_manager", name="Dana Fictional", starts=None):
    return member_designate(
        actor=actor,
        agency_code=code,
        role=role,
        name=name,
        starts_on=starts or D(2026, 2, 10),
        work_email="dana@acs.example.nyc.test",
    )


def test_every_entity_owes_a_designation_due_february_13(people):
    duties = Obligation.objects.filter(key="s7_3_committee_designation")
    codes = set(duties.values_list("agency__code", flat=True))
    assert {"ACS", "DOE", "HHC", "NYPD", "MOIA"} <= codes
    assert "HRA" not in codes  # divisions answer through DSS
    assert set(duties.values_list("due", flat=True)) == {D(2026, 2, 13)}


def test_a_corporation_without_a_mayoral_board_majority_owes_none(people):
    Agency.objects.filter(code="EDC").update(mayor_appoints_board_majority=False)
    board = member_board(people["chair"], on=D(2026, 3, 1))
    assert "EDC" not in {r.agency.code for r in board.rows}
    with pytest.raises(ValidationFailed) as exc:
        _designate(people["hall"], code="EDC")
    assert exc.value.field == "agency"
    assert not CommitteeMember.objects.exists()


def test_board_shows_missing_entities_and_designation_closes_the_duty(people):
    board = member_board(people["chair"], on=D(2026, 3, 1))
    assert "ACS" in {r.agency.code for r in board.missing}
    _designate(people["lead_acs"])
    duty = Obligation.objects.get(key="s7_3_committee_designation", agency__code="ACS")
    assert duty.status == Status.ACCEPTED
    board = member_board(people["chair"], on=D(2026, 3, 1))
    assert "ACS" not in {r.agency.code for r in board.missing}
    assert AuditEntry.objects.filter(action="committee_member.designate").count() == 1


def test_departure_of_the_last_manager_opens_a_new_duty_and_the_next_designation_closes_it(people):
    member = _designate(people["hall"])
    _designate(people["hall"], role="alternate", name="Alex Fictional")
    member_depart(actor=people["hall"], member=member, ends_on=D(2026, 6, 1))
    new = Obligation.objects.get(key="s7_3_committee_redesignation", agency__code="ACS")
    assert new.status == Status.OPEN and new.due == D(2026, 6, 15)
    assert "ACS" in {r.agency.code for r in member_board(people["chair"], on=D(2026, 6, 2)).missing}
    _designate(people["hall"], name="Robin Fictional", starts=D(2026, 6, 3))
    new.refresh_from_db()
    assert new.status == Status.ACCEPTED


def test_a_departure_while_another_manager_remains_opens_no_duty(people):
    first = _designate(people["hall"])
    _designate(people["hall"], name="Second Fictional")
    member_depart(actor=people["hall"], member=first, ends_on=D(2026, 6, 1))
    assert not Obligation.objects.filter(key="s7_3_committee_redesignation").exists()


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"code": "NOPE"}, "agency"),
        ({"code": "HRA"}, "agency"),  # a division
        ({"role": "chair", "code": "ACS"}, "agency"),  # the chair sits for City Hall
        ({"role": "boss"}, "role"),
        ({"name": "   "}, "name"),
    ],
)
def test_bad_designations_are_refused_and_write_nothing(people, kwargs, field):
    with pytest.raises((ValidationFailed, NotFound)) as exc:  # an unknown code is NotFound
        _designate(people["hall"], **kwargs)
    assert exc.value.field == field
    assert not CommitteeMember.objects.exists()


def test_departure_before_start_is_refused(people):
    member = _designate(people["hall"])
    with pytest.raises(ValidationFailed):
        member_depart(actor=people["hall"], member=member, ends_on=D(2026, 2, 1))
    member.refresh_from_db()
    assert member.ends_on is None


def test_another_agencys_lead_cannot_designate(people):
    with pytest.raises(PermissionDenied):
        _designate(people["lead_doc"])


def test_city_hall_chases_missing_entities_by_email(people, make_user):
    make_user("agency_lead", "NYPD")
    result = members_chase(actor=people["hall"], agency_codes=["NYPD", "ACS"])
    assert result["offices"] == 2
    subjects = [m.subject for m in mail.outbox]
    assert "EO13: NYPD has no Committee member yet" in subjects
    assert any("EO 13 §7(3)" in m.body for m in mail.outbox)
    with pytest.raises(PermissionDenied):
        members_chase(actor=people["lead_acs"])


def test_api_members_lists_leadership_entities_and_missing(people, api_as):
    member_designate(
        actor=people["hall"], agency_code="CITYHALL", role="chair", name="Chair Fictional", starts_on=D(2026, 2, 6)
    )
    _designate(people["hall"])
    body = api_as(people["chair"]).get("/api/v1/committee/members").json()
    assert [m["role"] for m in body["leadership"]] == ["chair"]
    assert "ACS" not in body["missing"] and "NYPD" in body["missing"]
    assert api_as(people["frontline"]).get("/api/v1/committee/members").status_code == 403
