"""Training coverage per agency (EO 13 §2(2)): of the active people on the roster, who is trained on the current
course, who only on a course whose policy has since changed, and who not at all.

The current course of a policy is the course on its published version. When a newer version is published and no
course teaches it yet, the agency's training has not been "updated along with the policies": nobody counts as
current until the new course exists and people complete it. The percentage is what the §2(2) obligations cite as
evidence; reaching 100% triggers nothing by itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eo13.agencies.models import Agency
from eo13.training.models import Completion, Course, RosterPerson

CITATION = "EO 13 §2(2)"


@dataclass(frozen=True)
class AgencyCoverage:
    agency: Agency
    active: int = 0
    current: int = 0
    out_of_date: int = 0
    not_trained: int = 0
    public_facing_active: int = 0
    public_facing_current: int = 0
    current_courses: list[Course] = field(default_factory=list)
    # Policies (as "slug v<number>") whose published version has no course yet.
    needs_update: list[str] = field(default_factory=list)
    citation: str = CITATION

    @property
    def percent_current(self) -> float | None:
        """Share of active people trained on the current course, to one decimal; None with nobody listed."""
        return round(100 * self.current / self.active, 1) if self.active else None

    @property
    def complete(self) -> bool:
        return self.active > 0 and self.current == self.active

    def as_dict(self) -> dict[str, object]:
        return {
            "agency": self.agency.code,
            "active": self.active,
            "current": self.current,
            "out_of_date": self.out_of_date,
            "not_trained": self.not_trained,
            "percent_current": self.percent_current,
            "complete": self.complete,
            "public_facing_active": self.public_facing_active,
            "public_facing_current": self.public_facing_current,
            "current_courses": [c.code for c in self.current_courses],
            "needs_update": self.needs_update,
            "citation": self.citation,
        }


CURRENT, OUT_OF_DATE, NOT_TRAINED = "current", "out_of_date", "not_trained"
STATE_LABELS = {
    CURRENT: "Trained on the current course",
    OUT_OF_DATE: "Trained, but not on the current course",
    NOT_TRAINED: "Not trained",
}


@dataclass(frozen=True)
class _Analysis:
    current_courses: list[Course]
    needs_update: list[str]
    people: list[tuple[int, bool]]  # (person id, public-facing) of active people
    states: dict[int, str]  # person id -> CURRENT, OUT_OF_DATE or NOT_TRAINED


def _analyse(agency: Agency) -> _Analysis:
    courses = list(Course.objects.filter(agency=agency).select_related("policy_version__policy__current_version"))
    current_by_policy = {c.policy_version.policy_id: c for c in courses if c.is_current}
    needs_update = sorted(
        {
            f"{c.policy_version.policy.slug} v{c.policy_version.policy.current_version.number}"
            for c in courses
            if c.policy_version.policy_id not in current_by_policy and c.policy_version.policy.current_version
        }
    )
    # Current means every policy with training has its published version taught, and the person finished it.
    required = {c.pk for c in current_by_policy.values()} if current_by_policy and not needs_update else None
    people = list(RosterPerson.objects.filter(agency=agency, active=True).values_list("id", "public_facing"))
    done: dict[int, set[int]] = {}
    for person_id, course_id in Completion.objects.filter(person__agency=agency, person__active=True).values_list(
        "person_id", "course_id"
    ):
        done.setdefault(person_id, set()).add(course_id)
    states: dict[int, str] = {}
    for person_id, _ in people:
        finished = done.get(person_id, set())
        if required is not None and required <= finished:
            states[person_id] = CURRENT
        else:
            states[person_id] = OUT_OF_DATE if finished else NOT_TRAINED
    return _Analysis(sorted(current_by_policy.values(), key=lambda c: c.code), needs_update, people, states)


def states_of(agency: Agency) -> dict[int, str]:
    """Each active person's training state. Callers check the user's right to see them (selectors)."""
    return _analyse(agency).states


def coverage_of(agency: Agency) -> AgencyCoverage:
    """The numbers for one agency. Callers check the user's right to see them (selectors)."""
    a = _analyse(agency)
    counts = {CURRENT: 0, OUT_OF_DATE: 0, NOT_TRAINED: 0}
    for state in a.states.values():
        counts[state] += 1
    public_facing = [pid for pid, pf in a.people if pf]
    return AgencyCoverage(
        agency=agency,
        active=len(a.people),
        current=counts[CURRENT],
        out_of_date=counts[OUT_OF_DATE],
        not_trained=counts[NOT_TRAINED],
        public_facing_active=len(public_facing),
        public_facing_current=sum(a.states[pid] == CURRENT for pid in public_facing),
        current_courses=a.current_courses,
        needs_update=a.needs_update,
    )
