"""May non-local law enforcement enter this part of City property? (Admin Code §4-210, kept consistent by EO 13 §4)

General rule: non-local law enforcement may not enter non-public areas of City property without a judicial
warrant. Exceptions: a judicial warrant, authorization by City personnel, or an emergency. The order's recitals
describe the section so; its full text was not at hand, so uncertain cases go to counsel.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eo13.law.citations import AC_4_210, S1_JUDICIAL_WARRANT, S4, eo
from eo13.law.definitions import city_property
from eo13.law.engine import (
    CALL_COUNSEL,
    NO_FORCE,
    WRITE_IT_DOWN,
    Decision,
    ExceptionResult,
    ExceptionRule,
    Reason,
    evaluate_exceptions,
    unique,
)
from eo13.law.other_laws import CHECK_COUNSEL_OR_DCAS, without_the_order
from eo13.law.versions import first_version, version_for
from eo13.law.warrant import warrant_exception

PROPERTY_FACTS = (
    "property",
    "property.city_owned_or_leased",
    "property.city_operational_control",
    "property.city_governmental_purpose",
)


def _warrant(facts: dict[str, Any]) -> ExceptionResult:
    applies = "They showed a judicial warrant. They may go only where it allows."
    return warrant_exception(facts.get("judicial_warrant") is True, facts.get("warrant"), applies)


def _authorized(facts: dict[str, Any]) -> ExceptionResult:
    if facts["authorized_by_city_personnel"]:
        return ExceptionResult(True, "City staff with the authority to do so allowed them in.")
    return ExceptionResult(False, "No City staff member with that authority has allowed them in.")


def _emergency(facts: dict[str, Any]) -> ExceptionResult:
    if facts["emergency"]:
        return ExceptionResult(True, "There is an emergency.")
    return ExceptionResult(False, "There is no emergency.")


EXCEPTIONS: tuple[ExceptionRule, ...] = (
    ExceptionRule("judicial_warrant", AC_4_210, AC_4_210, _warrant, ("judicial_warrant", "warrant")),
    ExceptionRule("authorized_by_city_personnel", AC_4_210, AC_4_210, _authorized, ("authorized_by_city_personnel",)),
    ExceptionRule("emergency", AC_4_210, AC_4_210, _emergency, ("emergency",)),
)


def decide_property_access(facts: dict[str, Any], today: date) -> Decision:
    """Admin Code §4-210, read with EO 13 §4 from the order's issuance (EO 13 §9); before that, §4-210 alone (no
    EO 13 citation)."""
    decision = _decide(facts, today)
    if decision.rules_version != "eo-13-2026" and decision.reasons[0].code != "before_effective_date":
        return without_the_order(decision)
    return decision


def _purpose_unknown(facts: dict[str, Any], today: date) -> Decision | None:
    """EO 13 §1(2): City property serves a City governmental purpose. That is never assumed: where it is not
    given and the answer turns on it, the decision is ``unknown`` and says whom to ask."""
    prop = facts["property"]
    if prop.get("city_governmental_purpose") is not None:
        return None
    if not (prop["city_owned_or_leased"] and prop["city_operational_control"]):
        return None
    yes = _decide({**facts, "property": {**prop, "city_governmental_purpose": True}}, today)
    no = _decide({**facts, "property": {**prop, "city_governmental_purpose": False}}, today)
    if yes.outcome == no.outcome:
        return yes
    reason = Reason(
        "purpose_not_known",
        "No one said whether this place is used for City work (a City governmental purpose). The rule covers only "
        "City property, so the answer depends on it.",
        eo(1, 2),
        depends=("property.city_governmental_purpose",),
    )
    return Decision(
        "property-access",
        "unknown",
        [*(r for r in yes.reasons if not r.code.startswith(("city_", "not_city"))), reason],
        unique([AC_4_210, eo(1, 2)]),
        [
            CHECK_COUNSEL_OR_DCAS.replace("owns or rents this place and runs it", "uses this place for City work"),
            CALL_COUNSEL,
            NO_FORCE,
            WRITE_IT_DOWN,
        ],
        yes.rules_version,
        yes.as_of,
        missing=["property.city_governmental_purpose"],
    )


def _decide(facts: dict[str, Any], today: date) -> Decision:
    on: date = facts.get("date") or today
    version = version_for("property-access", on)
    kind = "property-access"
    if version is None:
        first = first_version(kind)
        reason = Reason(
            "before_effective_date",
            f"The City law on entering non-public areas took effect on {first.effective.isoformat()}. "
            f"It does not cover {on.isoformat()}.",
            AC_4_210,
            depends=("date",),
        )
        return Decision(kind, "not_covered", [reason], [AC_4_210], ["Call your agency counsel."], first.id, on)
    with_order = version.id == "eo-13-2026"
    reasons: list[Reason] = []
    unsure = "If you are not sure, call your agency counsel."

    def not_covered(steps: list[str]) -> Decision:
        return Decision(
            kind,
            "not_covered",
            reasons,
            unique([AC_4_210, *(r.citation for r in reasons)]),
            [*steps, unsure, WRITE_IT_DOWN],
            version.id,
            on,
        )

    if facts["requester"] != "non_local_law_enforcement":
        who = "City police" if facts["requester"] == "local_law_enforcement" else "these visitors"
        reasons.append(
            Reason(
                "not_non_local",
                f"This City law is about outside (non-local) law enforcement. It does not cover {who}.",
                AC_4_210,
                depends=("requester",),
            )
        )
        return not_covered(["Your agency's usual visitor rules apply."])
    unsettled = _purpose_unknown(facts, today)
    if unsettled is not None:
        return unsettled
    if facts.get("property_basis"):
        reasons.append(Reason("property_record", facts["property_basis"], eo(1, 2), depends=PROPERTY_FACTS))
    prop = city_property(facts["property"])
    reasons.append(
        Reason("city_property" if prop.holds else "not_city_property", prop.text, prop.citation, depends=PROPERTY_FACTS)
    )
    if not prop.holds:
        return not_covered(["The owner's or manager's rules apply. Tell your supervisor."])
    if facts["area"] == "public":
        reasons.append(
            Reason(
                "public_area",
                "This is a public area. Anyone may be there, officers included, "
                "as long as they follow the usual rules.",
                AC_4_210,
                depends=("area",),
            )
        )
        return not_covered(
            ["Officers may be in public areas. You do not have to answer their questions or show records."]
        )
    reasons.append(
        Reason("non_public_area", "This is a non-public area of City property.", AC_4_210, depends=("area",))
    )
    exception_reasons, outcomes, conflict = evaluate_exceptions(EXCEPTIONS, facts)
    reasons.extend(exception_reasons)
    if with_order:
        reasons.append(
            Reason(
                "construction",
                "EO 13 §3 (City lots) does not change this rule and is read the same way.",
                S4,
            )
        )
    citations = [AC_4_210, eo(1, 2)]
    if facts.get("warrant") is not None or facts.get("judicial_warrant"):
        citations.append(S1_JUDICIAL_WARRANT)
    if with_order:
        citations.append(S4)
    if conflict:
        return Decision(
            kind,
            "unknown",
            reasons,
            unique(citations),
            [
                "The facts disagree with each other, so EO13 cannot give an answer.",
                CALL_COUNSEL,
                NO_FORCE,
                WRITE_IT_DOWN,
            ],
            version.id,
            on,
            conflict=True,
        )
    if outcomes:
        steps = [
            "They may enter, but only as far as the reason above allows. Stay with them if it is safe.",
            "Tell your supervisor, and call your agency counsel.",
            WRITE_IT_DOWN,
        ]
        return Decision(kind, "permitted", reasons, unique(citations), steps, version.id, on)
    reasons.append(
        Reason(
            "no_exception",
            "Without a judicial warrant, permission from City staff who may give it, or an emergency, outside law "
            "enforcement may not enter non-public areas.",
            AC_4_210,
            depends=("judicial_warrant", "warrant", "authorized_by_city_personnel", "emergency"),
        )
    )
    steps = [
        "Politely say that this area is not open to the public, and that you need a judicial warrant or your "
        "supervisor's decision before anyone may enter.",
        "Do not give permission yourself unless your agency's policy says you may.",
        "Call your supervisor and your agency counsel now.",
        NO_FORCE,
        WRITE_IT_DOWN,
    ]
    return Decision(kind, "not_permitted", reasons, unique(citations), steps, version.id, on)
