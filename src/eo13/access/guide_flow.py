"""Moving through the guide: apply one answer, then ask the engine what to ask next."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

from eo13.access.guide import ATTESTED, PLACES, QUESTIONS, WARRANT_KEYS, GuideState
from eo13.access.registry import DatabaseRegistry, resolve_property
from eo13.guide_state import UNSURE, Step, still_needed
from eo13.law.decide import decide
from eo13.law.engine import Decision
from eo13.scrub import scrub


def _engine(state: GuideState, today: Any) -> Decision:
    return decide(state.kind, state.facts, today=today, partial=True, registry=DatabaseRegistry())


def next_step(state: GuideState, today: Any) -> Step:
    if state.warrant is not None:
        for key in WARRANT_KEYS:
            if key not in state.warrant and key not in state.unsure:
                return Step("question", QUESTIONS[key])
        _attach_warrant(state)
    decision = _engine(state, today)
    if decision.outcome != "unknown":
        return Step("final", decision=decision)
    for key in still_needed(decision, state.unsure):
        if key == "property":
            return Step("place")
        if key in ("issued_by", "authorizes"):
            state.warrant = {k: v for k, v in state.facts.items() if k in WARRANT_KEYS}
            return next_step(state, today)
        return Step("question", QUESTIONS[key])
    return Step("final", decision=decision)


def _attach_warrant(state: GuideState) -> None:
    paper = state.warrant or {}
    state.warrant = None
    if state.kind == "warrant":
        state.facts = paper
        return
    state.facts["warrant"] = paper
    if state.kind == "property-access":
        state.facts.pop("judicial_warrant", None)


def apply_answer(state: GuideState, data: QueryDict) -> str:
    """Apply the posted answer to ``state``. Returns an error message to show, or ""."""
    key = data.get("question", "")
    if key == "place":
        return _apply_place(state, data)
    question = QUESTIONS.get(key)
    if question is None:
        return "Please answer the question."
    values = data.getlist("answer")
    if UNSURE in values:
        _mark_unsure(state, key)
        return ""
    chosen = [c for c in question.choices if c[0] in values]
    if not chosen:
        return "Choose an answer, or 'Not sure'."
    if key in WARRANT_KEYS:
        assert state.warrant is not None
        state.warrant[key] = [c[2] for c in chosen if c[2]] if question.multiple else chosen[0][2]
        return ""
    if key == "exceptions":
        return _apply_exceptions(state, [c[2] for c in chosen if c[2]], data)
    if key == "judicial_warrant" and chosen[0][2] == "paper":
        state.warrant = {}
        return ""
    state.facts[key] = chosen[0][2]
    state.asked.append(key)
    return ""


def _mark_unsure(state: GuideState, key: str) -> None:
    if key in WARRANT_KEYS and state.kind != "warrant":
        # Without this part of the paper, the paper cannot be judged: what it stood for is unsure.
        state.warrant = None
        key = "exceptions" if state.kind == "lot-use" else "judicial_warrant"
    if key not in state.unsure:
        state.unsure.append(key)


def _apply_place(state: GuideState, data: QueryDict) -> str:
    choice = data.get("place", "")
    if choice == UNSURE:
        _mark_unsure(state, "property")
        return ""
    if choice.startswith("uid:"):
        prop = resolve_property(choice[4:])
        if prop is None:
            return "That place is not in the property list. Search again or describe it."
        state.facts.pop("property", None)
        state.facts["property_id"] = prop.uid
        state.place_label = prop.label
        return ""
    if choice in PLACES:
        label, facts = PLACES[choice]
        state.facts.pop("property_id", None)
        state.facts["property"] = dict(facts)
        state.place_label = label
        return ""
    return "Choose the place from the list, describe it, or choose 'Not sure'."


def _apply_exceptions(state: GuideState, chosen: list[str], data: QueryDict) -> str:
    attestations: dict[str, dict[str, str]] = {}
    for key in ATTESTED:
        if key in chosen:
            basis = scrub(data.get(f"basis_{key}", "").strip()[:500]).text
            if not basis:
                return "For each judgment you checked, say in a few words why. Do not name anyone."
            attestations[key] = {"by": "", "basis": basis}
    if "judicial_warrant" in chosen:
        # The engine judges the paper itself rather than taking the word 'warrant' on trust.
        chosen = [c for c in chosen if c != "judicial_warrant"]
        state.warrant = {}
    state.facts["exceptions"] = chosen
    if attestations:
        state.facts["attestations"] = attestations
    else:
        state.facts.pop("attestations", None)
    state.asked.append("exceptions")
    return ""
