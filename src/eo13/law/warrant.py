"""Is this paper a judicial warrant? (EO 13 §1(6))"""

from __future__ import annotations

from datetime import date
from typing import Any

from eo13.law.citations import S1_JUDICIAL_WARRANT
from eo13.law.definitions import DHS_FORMS, judicial_warrant_issuer
from eo13.law.engine import CALL_COUNSEL, Decision, ExceptionResult, Reason, unique
from eo13.law.versions import first_version, version_for

HOW_TO_TELL = (
    "A judicial warrant names a court at the top (not 'Immigration Court') and is signed by a judge. "
    "A paper from the U.S. Department of Homeland Security (ICE or CBP) names it at the top and is signed by an "
    "officer."
)


def warrant_reasons(facts: dict[str, Any]) -> tuple[bool, list[Reason]]:
    """(is it judicial, the reasons). Every test is run and reported, so staff see all that is wrong with it."""
    reasons: list[Reason] = []
    issuer = judicial_warrant_issuer(facts["issued_by"])
    reasons.append(Reason("issuer_judicial" if issuer.holds else "issuer_not_judicial", issuer.text, issuer.citation))
    authorizes = facts["authorizes"]
    if authorizes:
        what = " and ".join(
            {"custody": "take the named person into custody", "search": "search", "entry": "enter the premises"}[a]
            for a in authorizes
        )
        reasons.append(Reason("authorizes_action", f"It lets the officer {what}.", S1_JUDICIAL_WARRANT))
    else:
        reasons.append(
            Reason(
                "authorizes_nothing",
                "It does not let anyone arrest, search or enter. A subpoena, letter or request is not a warrant.",
                S1_JUDICIAL_WARRANT,
            )
        )
    form = facts.get("form")
    dhs_form = form in DHS_FORMS
    if dhs_form and isinstance(form, str):
        label = {
            "I-200": "Form I-200 (warrant for arrest)",
            "I-205": "Form I-205 (warrant of removal)",
            "I-247A": "Form I-247A (detainer)",
        }[form]
        reasons.append(
            Reason(
                "dhs_form",
                f"{label} is a U.S. Department of Homeland Security paper signed by an officer. "
                "It is never a judicial warrant, whatever it says.",
                S1_JUDICIAL_WARRANT,
            )
        )
    judicial = issuer.holds and bool(authorizes) and not dhs_form
    return judicial, reasons


def why_not_judicial(facts: dict[str, Any]) -> str:
    """The most telling reason a paper is not a judicial warrant, for rules that rely on one."""
    _, reasons = warrant_reasons(facts)
    order = ("dhs_form", "issuer_not_judicial", "authorizes_nothing")
    failing = sorted((r for r in reasons if r.code in order), key=lambda r: order.index(r.code))
    return failing[0].text if failing else ""


def warrant_exception(claimed: bool, paper: dict[str, Any] | None, applies_text: str) -> ExceptionResult:
    """The judicial-warrant exception of a rule: a claim that one was shown, a paper the engine judges, or both.
    A claim the paper contradicts is a conflict for counsel, not a silent winner."""
    if paper is not None:
        judicial, _ = warrant_reasons(paper)
        if claimed and not judicial:
            return ExceptionResult(
                False,
                "You said they showed a judicial warrant, but the paper you described is not one. Ask counsel.",
                conflict=True,
            )
        if judicial:
            return ExceptionResult(True, applies_text)
        return ExceptionResult(False, f"The paper they showed is not a judicial warrant. {why_not_judicial(paper)}")
    if claimed:
        return ExceptionResult(True, applies_text)
    return ExceptionResult(False, "No judicial warrant was shown.")


def decide_warrant(facts: dict[str, Any], today: date) -> Decision:
    on = facts.get("date") or today
    version = version_for("warrant", on)
    judicial, reasons = warrant_reasons(facts)
    if judicial:
        steps = [
            "Read the warrant: check the court, the judge's signature, the date, the address and what it allows.",
            "Let the officers act only within what the warrant allows. Ask for a copy.",
            CALL_COUNSEL,
        ]
    else:
        steps = [
            "This paper is not a judicial warrant. "
            "It does not by itself let officers into non-public areas of City property.",
            "Politely say you must check with your supervisor and agency counsel before you can help.",
            CALL_COUNSEL,
        ]
        if facts["issued_by"] == "other":
            steps.insert(
                0, "If you cannot tell who signed it, treat it as not a judicial warrant until counsel says otherwise."
            )
    steps.append(HOW_TO_TELL)
    return Decision(
        kind="warrant",
        outcome="judicial_warrant" if judicial else "not_judicial_warrant",
        reasons=reasons,
        citations=unique([r.citation for r in reasons]),
        next_steps=steps,
        rules_version=(version or first_version("warrant")).id,
        as_of=on,
    )
