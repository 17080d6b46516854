"""Where EO 13 leans on other laws (§4 and §1(5) -> Admin Code §10-178; §4 -> §4-210) and on the property registry.

These steps run after a rule has decided, for ``lot-use`` and ``property-access`` alike:

- :func:`apply_10_178`: officers here for immigration enforcement. §4 reads §3 with Admin Code §10-178, which bars
  City resources and property from being used for immigration enforcement. EO13 cannot read §10-178's own
  exceptions here, so an answer that would let them in becomes ``unknown`` with ``conflict`` (another law may
  forbid what the order allows, and that changes the answer: INTERFACES §2); other answers keep their outcome and
  gain the §10-178 reason and a step to call counsel. Never a plain "the order allows this".
- :func:`with_registry_doubt`: the registry is unsure whether a parcel is City property or a City lot (mixed
  ownership, land run by NYC Health + Hospitals or NYCHA, a disposition with no category). If the answer is the
  same whether or not the City owns and runs it, it stands; otherwise it is ``unknown`` and names why.
- :func:`without_the_order`: an event before EO 13 took effect is decided under Admin Code §4-210 alone, so no
  EO 13 section is cited, and the reasons say which definitions were used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from eo13.law.citations import AC_4_210, AC_10_178, S1_IMMIGRATION_ENFORCEMENT
from eo13.law.deadlines import ORDER_ISSUED
from eo13.law.engine import CALL_COUNSEL, NO_FORCE, WRITE_IT_DOWN, Decision, Reason, unique

CHECK_COUNSEL_OR_DCAS = (
    "Check with your agency counsel or DCAS (Department of Citywide Administrative Services) whether the City owns "
    "or rents this place and runs it."
)
IMMIGRATION_STEP = (
    "They are here to enforce immigration law. Call your agency counsel now: City law (Admin Code §10-178) limits "
    "the use of City property and resources for immigration enforcement."
)
DEFINITIONS_BEFORE_ORDER = (
    f"This happened before EO 13 took effect on {ORDER_ISSUED.isoformat()}, so only the City law on entering "
    "non-public areas applies. "
    "'City property' is read as Admin Code §10-178 defines it: real property the City owns or leases, used for City "
    "work, that the City runs. 'Judicial warrant' is read as a warrant signed by a federal judge or magistrate judge "
    "or a New York State court that lets officers arrest someone, search or enter. If this matters, ask counsel."
)


IMMIGRATION_REASON = {
    with_order: Reason(
        "immigration_enforcement",
        "They are here to enforce immigration law. City law (Admin Code §10-178) bars using City property and "
        "resources for immigration enforcement"
        + (", and EO 13 §4 says the City lot rule is read with that law." if with_order else "."),
        AC_10_178,
        depends=("immigration_enforcement",),
    )
    for with_order in (True, False)
}


def apply_10_178(decision: Decision, facts: dict[str, Any]) -> Decision:
    """EO 13 §4 and §1(5), Admin Code §10-178: officers here for immigration enforcement."""
    if facts.get("immigration_enforcement") is not True:
        return decision
    before = any(r.code == "before_effective_date" for r in decision.reasons)
    with_order = decision.rules_version == "eo-13-2026" and not before
    reasons = [*decision.reasons, IMMIGRATION_REASON[with_order]]
    key = (*decision.citations, with_order)
    citations = _CITATIONS.get(key)
    if citations is None:
        extra = [AC_10_178, *([S1_IMMIGRATION_ENFORCEMENT] if with_order else [])]
        citations = _CITATIONS[key] = unique([*decision.citations, *extra])
    d = decision
    # Built directly rather than with dataclasses.replace, which costs more than the rule (issue 14).
    if decision.outcome == "permitted":
        return Decision(
            d.kind,
            "unknown",
            reasons,
            list(citations),
            list(MAY_FORBID),
            d.rules_version,
            d.as_of,
            d.missing,
            True,
            d.attested,
        )
    steps = list(decision.next_steps)
    at = steps.index(WRITE_IT_DOWN) if WRITE_IT_DOWN in steps else len(steps)
    steps.insert(at, IMMIGRATION_STEP)
    return Decision(
        d.kind, d.outcome, reasons, list(citations), steps, d.rules_version, d.as_of, d.missing, d.conflict, d.attested
    )


_CITATIONS: dict[tuple[Any, ...], list[str]] = {}
MAY_FORBID = (
    "The reason marked above would be enough under the City lot and building rules alone, but City law on "
    "immigration enforcement may forbid this. EO13 cannot give an answer.",
    CALL_COUNSEL,
    NO_FORCE,
    WRITE_IT_DOWN,
)


def _not_city(prop: dict[str, Any]) -> dict[str, Any]:
    return {**prop, "city_owned_or_leased": False, "city_operational_control": False}


def with_registry_doubt(
    rule: Callable[[dict[str, Any], date], Decision], facts: dict[str, Any], today: date, citation: str
) -> Decision:
    """The registry's doubt matters only where it changes the answer (EO 13 §1(1), §1(2))."""
    decision = rule(facts, today)
    doubt = facts.get("property_doubt")
    if not doubt or not isinstance(facts.get("property"), dict):
        return decision
    other = rule({**facts, "property": _not_city(facts["property"])}, today)
    if other.outcome == decision.outcome:
        return decision
    reasons = [r for r in decision.reasons if not r.code.startswith(("city_", "not_city"))]
    reasons.append(
        Reason(
            "property_uncertain",
            f"The City property list is not sure about this place: {doubt} The answer depends on it.",
            citation,
            depends=("property",),
        )
    )
    return replace(
        decision,
        outcome="unknown",
        reasons=reasons,
        citations=unique([*decision.citations, citation]),
        next_steps=[CHECK_COUNSEL_OR_DCAS, CALL_COUNSEL, NO_FORCE, WRITE_IT_DOWN],
        conflict=False,
    )


def without_the_order(decision: Decision) -> Decision:
    """Before the order took effect (EO 13 §9): Admin Code §4-210 alone. No EO 13 citation survives."""

    def local(citation: str) -> str:
        if citation == "EO 13 §1(2)":
            return AC_10_178  # the same definition of City property, in City law since 2017
        return AC_4_210 if citation.startswith("EO 13") else citation

    reasons = [replace(r, citation=local(r.citation)) for r in decision.reasons]
    reasons.append(Reason("definitions_used", DEFINITIONS_BEFORE_ORDER, AC_4_210))
    return replace(decision, reasons=reasons, citations=unique([local(c) for c in decision.citations]))
