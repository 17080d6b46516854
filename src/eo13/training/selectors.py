"""Reads for the training app, each starting from the rows the user may see (DESIGN "Roles")."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from eo13.agencies.models import Agency
from eo13.agencies.selectors import agency_by_code
from eo13.errors import NotFound
from eo13.training.coverage import AgencyCoverage, coverage_of, states_of
from eo13.training.models import Completion, Course, RosterPerson
from eo13.training.permissions import AGENCY_VIEW, COMPLETION_ACCESS, COURSE_ACCESS, ROSTER_ACCESS


def roster_list(*, user: Any, agency: Agency | None = None, active: bool | None = None) -> QuerySet[RosterPerson]:
    qs = ROSTER_ACCESS.visible(user, RosterPerson.objects.select_related("agency"))
    if agency is not None:
        qs = qs.filter(agency=agency)
    if active is not None:
        qs = qs.filter(active=active)
    return qs


def person_get(*, user: Any, pk: int) -> RosterPerson:
    person = roster_list(user=user).filter(pk=pk).first()
    if person is None:
        raise NotFound("No such person on a roster you can see.")
    return person


def person_by_staff_id(*, user: Any, agency: Agency, staff_id: str) -> RosterPerson:
    person = roster_list(user=user, agency=agency).filter(staff_id=staff_id).first()
    if person is None:
        raise NotFound("This staff id is not on the agency's roster.", field="staff_id")
    return person


def course_list(*, user: Any, agency: Agency | None = None) -> QuerySet[Course]:
    qs = COURSE_ACCESS.visible(user, Course.objects.select_related("agency", "policy_version__policy__current_version"))
    return qs.filter(agency=agency) if agency is not None else qs


def course_by_code(*, user: Any, agency: Agency, code: str) -> Course:
    course = course_list(user=user, agency=agency).filter(code=code).first()
    if course is None:
        raise NotFound("The agency has no course with this code.", field="course")
    return course


def completion_list(*, user: Any, agency: Agency | None = None) -> QuerySet[Completion]:
    qs = COMPLETION_ACCESS.visible(user, Completion.objects.select_related("person__agency", "course"))
    return qs.filter(person__agency=agency) if agency is not None else qs


def visible_agencies(*, user: Any) -> QuerySet[Agency]:
    """Agencies whose training the user may see: the six of §2 and any other with a roster."""
    qs = Agency.objects.filter(active=True).filter(Q(is_section_2=True) | Q(training_roster__isnull=False)).distinct()
    return AGENCY_VIEW.visible(user, qs)


def agency_for(*, user: Any, code: str) -> Agency:
    agency = visible_agencies(user=user).filter(pk=agency_by_code(code).pk).first()
    if agency is None:
        raise NotFound("No agency with that code whose training you can see.", field="agency")
    return agency


def coverage_list(*, user: Any) -> list[AgencyCoverage]:
    """Training coverage of every agency the user may see (EO 13 §2(2))."""
    return [coverage_of(agency) for agency in visible_agencies(user=user).order_by("code")]


def coverage_get(*, user: Any, code: str) -> AgencyCoverage:
    return coverage_of(agency_for(user=user, code=code))


def person_states(*, user: Any, agency: Agency) -> dict[int, str]:
    """Each active person's training state, for an agency the user may see."""
    return states_of(agency_for(user=user, code=agency.code))
