"""Coverage arithmetic (EO 13 §2(2)): current, out of date after a new policy version, not trained."""

import datetime as dt

import pytest

from eo13.training import services
from eo13.training.coverage import coverage_of
from eo13.training.models import RosterPerson

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 11, 20)


def _people(acs, n, *, public_facing=0):
    return [
        RosterPerson.objects.create(
            agency=acs, staff_id=f"E-{i}", display_name=f"Demo Person {i}", role_group="employee",
            public_facing=i < public_facing,
        )
        for i in range(n)
    ]  # fmt: skip


def _numbers(acs):
    c = coverage_of(acs)
    return c.active, c.current, c.out_of_date, c.not_trained, c.percent_current


def test_no_roster_means_no_percentage(acs):
    c = coverage_of(acs)
    assert (c.active, c.percent_current, c.complete) == (0, None, False)


def test_people_without_a_course_are_not_trained(acs):
    _people(acs, 3)
    assert _numbers(acs) == (3, 0, 0, 3, 0.0)


@pytest.mark.parametrize(
    ("trained", "expected"),
    [
        (0, (4, 0, 0, 4, 0.0)),
        (1, (4, 1, 0, 3, 25.0)),
        (3, (4, 3, 0, 1, 75.0)),
        (4, (4, 4, 0, 0, 100.0)),
    ],
)
def test_share_trained_on_the_current_course(acs, lead, course, trained, expected):
    people = _people(acs, 4)
    for person in people[:trained]:
        services.completion_record(actor=lead, person=person, course=course, completed_on=DAY)
    assert _numbers(acs) == expected
    assert coverage_of(acs).complete is (trained == 4)


def test_a_new_policy_version_makes_earlier_training_out_of_date(acs, lead, policy, course, publish):
    people = _people(acs, 3, public_facing=2)
    for person in people[:2]:
        services.completion_record(actor=lead, person=person, course=course, completed_on=DAY)
    c = coverage_of(acs)
    assert (c.current, c.public_facing_current, c.public_facing_active) == (2, 2, 2)

    publish(policy)  # version 2 is published; the course still teaches version 1
    c = coverage_of(acs)
    assert _numbers(acs) == (3, 0, 2, 1, 0.0)
    assert c.needs_update == [f"{policy.slug} v2"]
    assert c.current_courses == [] and c.public_facing_current == 0

    v2 = services.course_create(actor=lead, policy=policy, code="EO13-V2", title="Outside officers, version 2")
    assert coverage_of(acs).needs_update == []
    assert _numbers(acs) == (3, 0, 2, 1, 0.0)  # nobody has taken the new course yet
    services.completion_record(actor=lead, person=people[2], course=v2, completed_on=DAY)
    assert _numbers(acs) == (3, 1, 2, 0, 33.3)
    course.refresh_from_db()
    assert not course.is_current and v2.is_current


def test_inactive_people_do_not_count(acs, lead, course):
    people = _people(acs, 2)
    services.completion_record(actor=lead, person=people[0], course=course, completed_on=DAY)
    RosterPerson.objects.filter(pk=people[1].pk).update(active=False)
    assert _numbers(acs) == (1, 1, 0, 0, 100.0)
    assert coverage_of(acs).complete


def test_with_two_policies_current_means_both_current_courses(acs, lead, course, publish):
    second = publish(title="Records requests from outside agencies")
    course_b = services.course_create(actor=lead, policy=second, code="RECORDS-V1", title="Records requests")
    people = _people(acs, 2)
    for person in people:
        services.completion_record(actor=lead, person=person, course=course, completed_on=DAY)
    services.completion_record(actor=lead, person=people[0], course=course_b, completed_on=DAY)
    assert _numbers(acs) == (2, 1, 1, 0, 50.0)
