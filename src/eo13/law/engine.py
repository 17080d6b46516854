"""The decision object and the general-rule-with-exceptions machinery (after Catala's labelled exceptions).

A rule has a general outcome and named exceptions, each citing its own paragraph. The engine evaluates every
exception and keeps each one's result in the reasons. Exceptions that would lead to different outcomes are a
conflict: the decision says so and sends staff to counsel instead of picking a winner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple

CALL_COUNSEL = "Call your agency counsel now and follow their advice."
NO_FORCE = "Stay calm and polite. Do not physically block, hold or touch an officer, even if you think they are wrong."
WRITE_IT_DOWN = (
    "Write down what was asked, which agency asked, and what papers they showed. "
    "Do not write down who the New Yorkers involved are."
)


class Outcome(StrEnum):
    """Every answer a decision gives. The value is stored and sent over the API; people read :attr:`label`."""

    PERMITTED = "permitted"
    NOT_PERMITTED = "not_permitted"
    NOT_COVERED = "not_covered"
    JUDICIAL_WARRANT = "judicial_warrant"
    NOT_JUDICIAL_WARRANT = "not_judicial_warrant"
    MAY_HONOR = "may_honor"
    MAY_NOT_HONOR = "may_not_honor"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self]


OUTCOME_LABELS: dict[str, str] = {
    Outcome.PERMITTED: "Allowed",
    Outcome.NOT_PERMITTED: "Not allowed",
    Outcome.NOT_COVERED: "The rule does not apply",
    Outcome.JUDICIAL_WARRANT: "A warrant signed by a judge",
    Outcome.NOT_JUDICIAL_WARRANT: "Not a warrant signed by a judge",
    Outcome.MAY_HONOR: "The law allows it",
    Outcome.MAY_NOT_HONOR: "The law does not allow it",
    Outcome.UNKNOWN: "No clear answer: ask counsel",
}


def outcome_label(value: str) -> str:
    """The plain words for an outcome; one this list lacks reads as "Other answer", never as its code."""
    return OUTCOME_LABELS.get(value, "Other answer")


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    text: str
    citation: str
    exception: str | None = None
    applies: bool | None = None
    # The facts this reason rests on (dotted paths); a partial decision drops reasons that rest on unknown facts.
    depends: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"code": self.code, "text": self.text, "citation": self.citation}
        if self.exception is not None:
            d["exception"] = self.exception
            d["applies"] = self.applies
        return d


@dataclass(slots=True)
class Decision:
    kind: str
    outcome: str
    reasons: list[Reason]
    citations: list[str]
    next_steps: list[str]
    rules_version: str | None
    as_of: date | None
    missing: list[str] | None = None  # set in partial decisions: the facts that could still change the answer
    conflict: bool = False
    attested: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return self.as_dict_with([r.as_dict() for r in self.reasons])

    def as_dict_with(self, reasons: list[Any]) -> dict[str, Any]:
        """:meth:`as_dict` with the reasons given (eo13.law.decision_json writes them from the Reason objects)."""
        d: dict[str, Any] = {
            "kind": self.kind,
            "outcome": self.outcome,
            "reasons": reasons,
            "citations": self.citations,
            "next_steps": self.next_steps,
            "rules_version": self.rules_version,
            "as_of": self.as_of.isoformat() if self.as_of else None,
        }
        if self.missing is not None:
            d["missing"] = self.missing
        if self.conflict:
            d["conflict"] = True
        if self.attested:
            d["attested"] = self.attested
        return d


class ExceptionResult(NamedTuple):
    """What one exception says about the facts. A tuple, so a rule's results can be module constants and the
    reason each leads to is looked up, not rebuilt, at every decision (issue 14)."""

    applies: bool
    text: str
    # The outcome this exception leads to when it applies (``permitted`` for every exception the order lists).
    outcome: str = "permitted"
    # Set when the facts about this one exception disagree with each other (a claim and the document behind it).
    conflict: bool = False


@dataclass(frozen=True)
class ExceptionRule:
    """A labelled exception: its key, the rule it overrides, the paragraph that makes it, and how to test it."""

    key: str
    overrides: str
    citation: str
    test: Callable[[dict[str, Any]], ExceptionResult]
    depends: tuple[str, ...] = ()
    # The reason each result leads to, built once (reasons are immutable, so decisions share them).
    _reasons: dict[ExceptionResult, Reason] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def reason(self, result: ExceptionResult) -> Reason:
        found = self._reasons.get(result)
        if found is None:
            code = (
                "exception_conflict"
                if result.conflict
                else ("exception_applies" if result.applies else "exception_not_shown")
            )
            found = Reason(code, result.text, self.citation, self.key, result.applies, self.depends)
            if len(self._reasons) < 512:  # texts naming an agreement vary; keep the cache small
                self._reasons[result] = found
        return found


def evaluate_exceptions(rules: tuple[ExceptionRule, ...], facts: dict[str, Any]) -> tuple[list[Reason], set[str], bool]:
    """Every exception is tested; returns (reasons for each, outcomes of those that apply, any conflict)."""
    reasons: list[Reason] = []
    outcomes: set[str] = set()
    conflict = False
    for rule in rules:
        result = rule.test(facts)
        reasons.append(rule.reason(result))
        if result.conflict:
            conflict = True
        elif result.applies:
            outcomes.add(result.outcome)
    # A contradiction about one exception matters only when it changes the answer: if another exception applies
    # on its own, the answer stands and the reasons still report the contradiction (INTERFACES §2, issue 10).
    if conflict and len(outcomes) == 1:
        conflict = False
    if len(outcomes) > 1:
        conflict = True
    return reasons, outcomes, conflict


def unique(items: list[str]) -> list[str]:
    """The items in order, each once (first place kept)."""
    return list(dict.fromkeys(items))
