"""The detainer guide for DOC, NYPD and Probation staff: plain questions that fill in `detainer` facts, asked one at
a time, only when the answer still depends on them (the engine's partial mode; Admin Code §9-131, §14-154, §9-205).

Same mechanism as the lot guide (eo13.guide_state): state travels in a signed form field, so it works without
JavaScript or a session; "Not sure" sets a fact aside, and if the answer then depends on it, the answer is "call
counsel". The dates of a conviction live only in that signed field until the answer; they are never stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from django.http import QueryDict

from eo13.guide_state import UNSURE, Question, SignedState, Step, still_needed
from eo13.law.decide import decide
from eo13.law.engine import Decision

AGENCY = Question(
    "agency",
    "Where do you work?",
    "Each of these agencies has its own detainer law.",
    (
        ("DOC", "Department of Correction", "DOC"),
        ("NYPD", "Police Department (NYPD)", "NYPD"),
        ("DOP", "Department of Probation", "DOP"),
    ),
)
REQUEST = Question(
    "request",
    "What do immigration authorities ask for?",
    "A detainer is often on DHS Form I-247A.",
    (
        ("hold_beyond_release", "Keep the person after they would be released", "hold_beyond_release"),
        ("release_notification", "Tell them when the person will be released", "release_notification"),
        ("information_request", "Give them information about the person", "information_request"),
        ("interview_access", "Let them interview the person", "interview_access"),
    ),
)
FEDERAL_WARRANT = {"issued_by": "article_iii_judge", "authorizes": ["custody"]}
WARRANT = Question(
    "warrant",
    "What papers came with the request?",
    "A judge's warrant names a United States District Court at the top and is signed by a judge or magistrate "
    "judge. A detainer (I-247A), I-200 or I-205 names DHS or ICE and is signed by an officer.",
    (
        ("none", "Only a detainer or other DHS or ICE papers", None),
        (
            "federal",
            "A warrant from a federal court, signed by a judge, to hold or arrest this person",
            FEDERAL_WARRANT,
        ),
        (
            "state",
            "A warrant from a New York State court",
            {"issued_by": "new_york_state_court", "authorizes": ["custody"]},
        ),
        (
            "search",
            "A federal court warrant that only allows a search",
            {"issued_by": "article_iii_judge", "authorizes": ["search"]},
        ),
    ),
)
TSDB = Question(
    "terrorist_screening_match",
    "Does the records check show a possible match in the federal terrorist screening database?",
    "",
    (("yes", "Yes", True), ("no", "No", False)),
)
CONVICTIONS = Question(
    "convictions",
    "Does the criminal-history search show a conviction for a violent or serious crime?",
    "Use your agency's list of violent or serious crimes. Youthful-offender and juvenile cases do not count.",
    (
        ("yes", "Yes", "yes"),
        ("no", "No, or only other crimes", ()),
        ("yo", "Only youthful-offender or juvenile cases", ()),
    ),
)
QUESTIONS: dict[str, Question] = {q.key: q for q in (AGENCY, REQUEST, WARRANT, TSDB, CONVICTIONS)}


ORDER = tuple(QUESTIONS)
DATE_FIELDS = (
    ("date_of_judgment", "Date of the most recent such conviction (the judgment)", True),
    ("released_on", "Date custody for it ended, if the person was held for it", False),
    ("arrest_date", "Date of the arrest that brought the person into custody now", False),
)


def missing_questions(paths: list[str]) -> list[str]:
    """The facts an answer still waits for, as the questions that ask them (issue 13: never a fact's path)."""
    dates = {key: text for key, text, _ in DATE_FIELDS}
    asked: list[str] = []
    for path in paths:
        head = path.split(".")[0]
        question = QUESTIONS.get(head)
        text = (
            question.text
            if question
            else dates.get(head, "The date of the request" if head == "date" else "Another fact")
        )
        if text not in asked:
            asked.append(text)
    return asked


@dataclass
class GuideState(SignedState):
    SALT: ClassVar[str] = "eo13.detainers.guide"
    TOKEN_KEYS: ClassVar[dict[str, str]] = {"facts": "f", "unsure": "u"}

    facts: dict[str, Any] = field(default_factory=dict)
    unsure: list[str] = field(default_factory=list)


def start_state(agency_codes: list[str]) -> GuideState:
    """Staff of exactly one of the three agencies are not asked where they work."""
    state = GuideState()
    if len(agency_codes) == 1:
        state.facts["agency"] = agency_codes[0]
    return state


def engine(state: GuideState, today: date) -> Decision:
    facts = dict(state.facts)
    facts.setdefault("date", today.isoformat())
    return decide("detainer", facts, today=today, partial=True)


def next_step(state: GuideState, today: date) -> Step:
    for key in ("agency", "request"):  # the answer always depends on these two: ask them first
        if key not in state.facts and key not in state.unsure:
            return Step("question", QUESTIONS[key])
    decision = engine(state, today)
    if decision.outcome != "unknown":
        return Step("final", decision=decision)
    for key in still_needed(decision, state.unsure):
        if key in QUESTIONS:
            return Step("question", QUESTIONS[key])
    return Step("final", decision=decision)


def apply_answer(state: GuideState, data: QueryDict, today: date) -> str:
    """Apply the posted answer. Returns an error message to show, or ""."""
    key = data.get("question", "")
    question = QUESTIONS.get(key)
    if question is None:
        return "Please answer the question."
    value = data.get("answer", "")
    if value == UNSURE:
        if key not in state.unsure:
            state.unsure.append(key)
        return ""
    chosen = next((c for c in question.choices if c[0] == value), None)
    if chosen is None:
        return "Choose an answer, or 'Not sure'."
    if key != "convictions" or chosen[2] != "yes":
        state.facts[key] = list(chosen[2]) if isinstance(chosen[2], tuple) else chosen[2]
        return ""
    return _apply_conviction_dates(state, data, today)


def _apply_conviction_dates(state: GuideState, data: QueryDict, today: date) -> str:
    dates: dict[str, date | None] = {}
    for name, label, required in DATE_FIELDS:
        text = data.get(name, "").strip()
        if not text:
            if required:
                return f"Enter the {label.lower().split(' (')[0]}."
            dates[name] = None
            continue
        try:
            dates[name] = date.fromisoformat(text)
        except ValueError:
            return f"Write the date as year-month-day: {label}."
        if dates[name] > today:  # type: ignore[operator]
            return f"The date cannot be in the future: {label}."
    judged = dates["date_of_judgment"]
    released = dates["released_on"]
    if released is not None and judged is not None and released < judged:
        return "Custody for a conviction cannot end before its judgment."
    state.facts["convictions"] = [
        {
            "category": "violent_or_serious",
            "date_of_judgment": judged.isoformat() if judged else None,
            "released_on": released.isoformat() if released else None,
            "youthful_offender": False,
        }
    ]
    if dates["arrest_date"] is not None:
        state.facts["arrest_date"] = dates["arrest_date"].isoformat()
    return ""
