"""Moving through the guide: the answers so far become facts; the engine says which screen to show next.

The path is worked out again from the first screen on every request: a screen is on it when the engine, given the
answers on the screens before it, still needs what it asks. So after a "change", answers that no longer matter are
kept in the token (Back and a change of mind find them again) but never reach the decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict

from eo13.access.guide import ATTESTED, FACT_SCREEN, PAPERS, PLACE_TEXT, PLACES, QUESTIONS, SCREENS, GuideState
from eo13.access.registry import DatabaseRegistry, resolve_property
from eo13.guide_state import UNSURE, Question, still_needed
from eo13.law.decide import decide
from eo13.law.engine import Decision, unique
from eo13.scrub import scrub

PAPER_FACTS = {value: facts for value, _, facts in PAPERS}
# The facts set aside when a question is answered "Not sure".
UNSURE_FACTS = {
    "personnel": ["personnel"],
    "requester": ["requester"],
    "place": ["property"],
    "use": ["use", "law_enforcement_purpose"],
    "area": ["area"],
    "authorized_by_city_personnel": ["authorized_by_city_personnel"],
    "emergency": ["emergency"],
    "immigration_enforcement": ["immigration_enforcement"],
}
# Without the paper (or what it allows) it cannot be judged: what it stood for is unsure.
PAPER_UNSURE = {
    "lot-use": ["exceptions"],
    "property-access": ["judicial_warrant"],
    "warrant": ["issued_by", "authorizes"],
}
MAX_SCREENS = 12


@dataclass
class Facts:
    facts: dict[str, Any] = field(default_factory=dict)
    unsure: list[str] = field(default_factory=list)
    needs_authorizes: bool = False  # a paper was chosen whose choice does not say what it allows


@dataclass
class Walk:
    """Where a state stands: the screens answered, in order; the next screen (or none: the answer is ready)."""

    path: list[str]
    next: str | None
    facts: Facts
    decision: Decision
    remaining: int  # screens still to come, counting the next one (an estimate: answers can settle it sooner)


def questions(kind: str, screen: str) -> tuple[Question, ...]:
    return SCREENS[kind][screen]


def answered(state: GuideState, screen: str) -> bool:
    keys = [q.key for q in questions(state.kind, screen)] or ["place"]
    return all(k in state.answers for k in keys)


def facts_from(kind: str, answers: dict[str, list[str]]) -> Facts:
    out = Facts()
    for key, values in answers.items():
        if key in ("paper", "authorizes", "exceptions"):
            continue
        if values == [UNSURE]:
            out.unsure += UNSURE_FACTS.get(key, [key])
        elif key == "place":
            _place_facts(out.facts, values[0])
        elif key in QUESTIONS:
            fact = _choice(QUESTIONS[key], values[0])
            if key == "use":
                out.facts.update(fact)
            else:
                out.facts[key] = fact
    _paper_facts(kind, answers, out)
    return out


def _choice(question: Question, value: str) -> Any:
    return next(c[2] for c in question.choices if c[0] == value)


def _place_facts(facts: dict[str, Any], value: str) -> None:
    if value.startswith("uid:"):
        facts["property_id"] = value[4:]
    elif value in PLACES:
        facts["property"] = dict(PLACES[value][1])


def _paper_facts(kind: str, answers: dict[str, list[str]], out: Facts) -> None:
    chosen = answers.get("paper")
    if chosen is None:
        return
    paper: dict[str, Any] | None = None
    unsure = chosen == [UNSURE]
    if not unsure and chosen[0] != "none":
        paper = dict(PAPER_FACTS[chosen[0]])
        if "authorizes" not in paper:
            allows = answers.get("authorizes")
            if allows is None:
                out.needs_authorizes = True
            elif allows == [UNSURE]:
                unsure = True
            else:
                paper["authorizes"] = [v for v in allows if v != "none"]
    if unsure:
        out.unsure += PAPER_UNSURE[kind]
    if kind == "warrant":
        if paper is not None and not unsure:
            out.facts.update(paper)
        return
    if kind == "property-access":
        if chosen[0] == "none":
            out.facts["judicial_warrant"] = False
        elif paper is not None and not unsure and not out.needs_authorizes:
            out.facts["warrant"] = paper
        return
    exceptions = answers.get("exceptions")
    if exceptions is None or exceptions == [UNSURE]:
        if exceptions == [UNSURE]:
            out.unsure.append("exceptions")
        return
    if paper is not None and not unsure and not out.needs_authorizes:
        out.facts["warrant"] = paper
    if not unsure:
        out.facts["exceptions"] = [v for v in exceptions if v != "none"]


def _engine(kind: str, facts: dict[str, Any], today: Any) -> Decision:
    return decide(kind, facts, today=today, partial=True, registry=DatabaseRegistry())


def _still(kind: str, decision: Decision, unsure: list[str]) -> list[str]:
    screens = FACT_SCREEN[kind]
    return unique([screens[k] for k in still_needed(decision, unsure) if k in screens])


def walk(state: GuideState, today: Any) -> Walk:
    taken: dict[str, list[str]] = {}
    path: list[str] = []
    while True:
        facts = facts_from(state.kind, taken)
        decision = _engine(state.kind, facts.facts, today)
        if facts.needs_authorizes:
            todo = ["authorizes"]
        elif decision.outcome != "unknown":
            todo = []
        else:
            todo = [s for s in _still(state.kind, decision, facts.unsure) if s not in path]
        if not todo or len(path) >= MAX_SCREENS:
            return Walk(path, None, facts, decision, 0)
        screen = todo[0]
        if not answered(state, screen):
            return Walk(path, screen, facts, decision, len(todo))
        for q in questions(state.kind, screen) or (Question("place", PLACE_TEXT),):
            taken[q.key] = state.answers[q.key]
        path.append(screen)


def apply_answer(state: GuideState, data: QueryDict, notes: dict[str, str]) -> str:
    """Apply one screen's answers to ``state`` (and the reasons typed for a judgment to ``notes``).
    Returns an error message to show, or "" (then nothing is half-applied)."""
    screen = data.get("question", "")
    if screen not in SCREENS[state.kind]:
        return "Please answer the question."
    if screen == "place":
        return _apply_place(state, data)
    found: dict[str, list[str]] = {}
    for q in questions(state.kind, screen):
        values = data.getlist(q.key)
        if UNSURE in values:
            found[q.key] = [UNSURE]
            continue
        chosen = [c[0] for c in q.choices if c[0] in values]
        if not chosen:
            return f"{q.text} Choose an answer, or 'Not sure'."
        found[q.key] = chosen if q.multiple else chosen[:1]
    error = _judgments(found.get("exceptions", []), data, notes)
    if error:
        return error
    state.answers.update(found)
    return ""


def _judgments(chosen: list[str], data: QueryDict, notes: dict[str, str]) -> str:
    """A judgment (EO 13 §3(4)-(6)) needs a few words on who decided and why; they are scrubbed and kept out of
    the address. A reason typed before stays unless replaced."""
    for key in ATTESTED:
        if key not in chosen:
            continue
        basis = scrub(data.get(f"basis_{key}", "").strip()[:500]).text
        if basis:
            notes[key] = basis
        elif not notes.get(key):
            return "For each judgment you checked, say in a few words why. Do not name anyone."
    return ""


def _apply_place(state: GuideState, data: QueryDict) -> str:
    choice = data.get("place", "")
    if choice == UNSURE or choice in PLACES:
        state.answers["place"] = [choice]
        return ""
    if choice.startswith("uid:"):
        if resolve_property(choice[4:]) is None:
            return "That place is not in the property list. Search again or describe it."
        state.answers["place"] = [choice]
        return ""
    return "Choose the place from the list, describe it, or choose 'Not sure'."


def attestations(answers: dict[str, list[str]], notes: dict[str, str]) -> dict[str, dict[str, str]] | None:
    """The judgments checked, with their reasons; None when a reason is missing (the session that held it ended)."""
    out = {}
    for key in ATTESTED:
        if key in answers.get("exceptions", []):
            if not notes.get(key):
                return None
            out[key] = {"by": "", "basis": notes[key]}
    return out


def place_label(value: str) -> str:
    if value.startswith("uid:"):
        prop = resolve_property(value[4:])
        return prop.label if prop else ""
    return PLACES[value][0] if value in PLACES else ""


def said(state: GuideState, path: list[str]) -> list[dict[str, Any]]:
    """What the person answered on each screen of the path, in plain words, for the answer page's "change" links."""
    rows = []
    for screen in path:
        for q in questions(state.kind, screen) or (Question("place", PLACE_TEXT),):
            values = state.answers.get(q.key, [])
            if values == [UNSURE]:
                labels = ["Not sure"]
            elif q.key == "place":
                labels = [place_label(values[0])]
            else:
                labels = [c[1] for c in q.choices if c[0] in values]
            rows.append({"screen": screen, "question": q.text, "answer": "; ".join(labels)})
    return rows
