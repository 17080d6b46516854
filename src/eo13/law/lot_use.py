"""May outside law enforcement use this City lot as a base? (EO 13 §3, with §1(1) and §4)

General rule: government personnel empowered to enforce laws, other than the City's own, the Department of
Education's, or a local public benefit corporation's or authority's, may not use City lots as staging areas,
processing locations or operations bases for law enforcement. Six exceptions, §3(1) to §3(6), each permit it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eo13.law.agreements import AgreementFacts
from eo13.law.citations import AC_4_210, AC_10_178, S1_JUDICIAL_WARRANT, S3, S4, S9, eo
from eo13.law.definitions import LOT_FINDINGS, city_lot
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
from eo13.law.fact_values import ATTESTED_FACTS
from eo13.law.versions import first_version, version_for
from eo13.law.warrant import warrant_exception

EXCLUDED_EMPLOYERS = {
    "city": "City of New York",
    "department_of_education": "Department of Education",
    "local_public_benefit_corporation": "a local public benefit corporation",
    "local_public_authority": "a local public authority",
}
BASE_USES = {
    "staging_area": "staging area",
    "processing_location": "processing location",
    "operations_base": "operations base",
}
PROPERTY_FACTS = ("property", "property.kind", "property.city_owned_or_leased", "property.city_operational_control")


def _listed(facts: dict[str, Any], key: str) -> bool:
    return key in facts["exceptions"]


def _agreement_exception(kind: str, label: str, noun: str) -> Any:
    said = ExceptionResult(True, f"You said they are here under {label} (not checked against the agreements list).")
    none = ExceptionResult(False, f"No {noun} was shown.")

    def test(facts: dict[str, Any]) -> ExceptionResult:
        agreement: AgreementFacts | None = facts.get("agreement")
        claimed = kind in facts["exceptions"]
        if agreement is not None and agreement.kind == kind:
            ok, why = agreement.covers(on=facts["date"], property_ref=facts.get("property_ref"), use=facts["use"])
            if claimed and not ok:
                return ExceptionResult(
                    False, f"You said there is {label}, but {why} Ask counsel which is right.", conflict=True
                )
            return ExceptionResult(ok, why)
        return said if claimed else none

    return test


def _warrant_exception(facts: dict[str, Any]) -> ExceptionResult:
    return warrant_exception(
        _listed(facts, "judicial_warrant"), facts.get("warrant"), "They showed a judicial warrant."
    )


_COOPERATIVE = _agreement_exception(
    "cooperative_arrangement", "a formal cooperative arrangement with the City", "formal cooperative arrangement"
)
# EO 13 §3(3): the arrangement is "with state or federal agencies".
_COOPERATIVE_PARTNERS = ("federal", "state")


def _cooperative_exception(facts: dict[str, Any]) -> ExceptionResult:
    """§3(3) counts only for officers of state or federal agencies. Officers of another local government have at
    most a §3(1) agreement, checked as one; for another state's officers the words are unsettled: counsel."""
    result: ExceptionResult = _COOPERATIVE(facts)
    employer = facts["personnel"]["employer"]
    if employer in _COOPERATIVE_PARTNERS or not (result.applies or result.conflict):
        return result
    return _OTHER_STATE if employer == "other_state" else _LOCAL_PARTNER


_OTHER_STATE = ExceptionResult(
    False,
    "EO 13 §3(3) covers arrangements with state or federal agencies. It is not clear that an agency of "
    "another state counts. Ask counsel.",
    conflict=True,
)
_LOCAL_PARTNER = ExceptionResult(
    False,
    "EO 13 §3(3) covers only arrangements with state or federal agencies, and these officers work for another "
    "local government. At most this is a formal agreement under §3(1): check it as one, or ask counsel.",
)


def _attested(key: str, yes: str, no: str) -> Any:
    applies, not_shown = ExceptionResult(True, yes), ExceptionResult(False, no)

    def test(facts: dict[str, Any]) -> ExceptionResult:
        return applies if key in facts["exceptions"] else not_shown

    return test


EXCEPTIONS: tuple[ExceptionRule, ...] = (
    ExceptionRule(
        "formal_agreement",
        S3,
        eo(3, 1),
        _agreement_exception("formal_agreement", "a formal agreement or contract", "formal agreement or contract"),
        ("exceptions",),
    ),
    ExceptionRule("judicial_warrant", S3, eo(3, 2), _warrant_exception, ("exceptions",)),
    ExceptionRule("cooperative_arrangement", S3, eo(3, 3), _cooperative_exception, ("exceptions", "personnel")),
    ExceptionRule(
        "furthers_city_agency_mission",
        S3,
        eo(3, 4),
        _attested(
            "furthers_city_agency_mission",
            "Someone at your agency judged that this use helps a City agency do its work.",
            "No one judged that this use helps a City agency do its work.",
        ),
        ("exceptions",),
    ),
    ExceptionRule(
        "exigent_circumstances",
        S3,
        eo(3, 5),
        _attested(
            "exigent_circumstances",
            "Someone judged that this is an emergency that cannot wait (exigent circumstances).",
            "No one judged this to be an emergency that cannot wait.",
        ),
        ("exceptions",),
    ),
    ExceptionRule(
        "required_by_law",
        S3,
        eo(3, 6),
        _attested(
            "required_by_law",
            "Someone judged that a law requires the City to allow this use.",
            "No one showed that a law requires the City to allow this use.",
        ),
        ("exceptions",),
    ),
)


# The reasons, steps and citations that do not depend on the facts are built once (issue 14): a decision shares
# these immutable reasons and copies the lists, so nothing is rebuilt per decision.
S1_1 = eo(1, 1)
UNSURE = "If you are not sure, call your agency counsel."
NOT_GOVERNMENT = Reason(
    "not_government_personnel",
    "The rule is about government staff. Contractors or private staff working for a government agency "
    "are not government staff, so it does not cover them.",
    S3,
    depends=("personnel.employer",),
)
NOT_LAW_ENFORCEMENT = Reason(
    "personnel_not_law_enforcement",
    "The rule is about government staff who can enforce laws. These people cannot, so it does not apply.",
    S3,
    depends=("personnel.enforces_laws",),
)
EXCLUDED = {
    employer: Reason(
        "excluded_employer", f"The rule does not cover staff of {name}.", S3, depends=("personnel.employer",)
    )
    for employer, name in EXCLUDED_EMPLOYERS.items()
}
COVERED = Reason(
    "covered_personnel",
    "These are outside government staff who can enforce laws, so the rule covers them.",
    S3,
    depends=("personnel.employer", "personnel.enforces_laws"),
)
PROPERTY_ACCESS_MAY_APPLY = Reason(
    "property_access_may_apply",
    "This may still be City property. The rules on entering non-public areas may apply.",
    AC_4_210,
    depends=PROPERTY_FACTS,
)
NOT_A_BASE = Reason(
    "not_a_base",
    "The rule is about using the lot as a base (staging area, processing location or operations base). "
    "This use is not one of those.",
    S3,
    depends=("use",),
)
NOT_LAW_ENFORCEMENT_PURPOSE = Reason(
    "not_law_enforcement_purpose",
    "The rule is about using the lot for enforcing laws. This use is for something else.",
    S3,
    depends=("law_enforcement_purpose",),
)
BASE_USE = {
    use: Reason(
        "base_use",
        f"They want to use the lot as a {name} for enforcing laws.",
        S3,
        depends=("use", "law_enforcement_purpose"),
    )
    for use, name in BASE_USES.items()
}
CONSTRUCTION = Reason(
    "construction",
    "This rule sits beside the City laws on entering non-public areas and on helping immigration "
    "enforcement, and does not change them.",
    S4,
)
NO_EXCEPTION = Reason(
    "no_exception",
    "None of the six reasons the order allows applies, so they may not use this City lot as a base.",
    S3,
    depends=("exceptions",),
)
USUAL_VISITORS = ("Your agency's usual rules for visitors and parking apply.", UNSURE, WRITE_IT_DOWN)
USUAL_PARTNERS = ("Your agency's usual rules for City and partner staff apply.", UNSURE, WRITE_IT_DOWN)
USUAL_LOT = ("Your agency's usual rules for the lot apply.", UNSURE, WRITE_IT_DOWN)
NOT_A_LOT = (UNSURE, WRITE_IT_DOWN)
NOT_A_LOT_MAYBE_PROPERTY = (
    "If they want to enter a non-public area, use the guide for entering a room or building.",
    UNSURE,
    WRITE_IT_DOWN,
)
CONFLICT_STEPS = (
    "The facts disagree with each other, so EO13 cannot give an answer.",
    CALL_COUNSEL,
    NO_FORCE,
    WRITE_IT_DOWN,
)
PERMITTED_STEPS = (
    "The order allows this use because of the reason marked above. Ask for a copy of the paper or agreement.",
    "Tell your supervisor what is happening.",
    "Entering a building or a non-public area is a separate question. Use the guide for that.",
    WRITE_IT_DOWN,
)
PERMITTED_ATTESTED_STEPS = (
    *PERMITTED_STEPS[:2],
    "This answer rests on someone's judgment. Tell your agency counsel who judged it and why.",
    *PERMITTED_STEPS[2:],
)
NOT_PERMITTED_STEPS = (
    "Politely tell them that City rules do not let outside law enforcement use this lot as a base, unless one "
    "of the reasons in EO 13 §3 applies.",
    "Ask if they have a judicial warrant or an agreement with the City. If they show one, check it again here.",
    "Call your supervisor and your agency counsel now.",
    NO_FORCE,
    WRITE_IT_DOWN,
)
_CITY_LOT = {
    finding: Reason(
        "city_lot" if finding.holds else "not_city_lot", finding.text, finding.citation, depends=PROPERTY_FACTS
    )
    for finding in LOT_FINDINGS
}
_CITATIONS: dict[tuple[Any, ...], list[str]] = {}  # (applying, warrant judged, conflicting) -> the decision's


def _citations(applying: tuple[str, ...], warrant: bool, conflicting: tuple[str, ...]) -> list[str]:
    key = (applying, warrant, conflicting)
    found = _CITATIONS.get(key)
    if found is None:
        base = [S1_1, S3, *applying, S4, AC_4_210, AC_10_178]
        if warrant:
            base.insert(2, S1_JUDICIAL_WARRANT)  # the paper was judged under §1(6)
        found = _CITATIONS[key] = unique([*base, *conflicting])
    return list(found)


Exceptions = tuple[list[Reason], set[str], bool, tuple[str, ...], tuple[str, ...]]
_EXCEPTIONS: dict[tuple[Any, ...], Exceptions] = {}


def _exceptions(facts: dict[str, Any], employer: str) -> Exceptions:
    """The six exceptions: (reasons, outcomes of those that apply, conflict, their citations, the citations of those
    in conflict). Without a paper or an agreement to judge, they turn only on the exceptions listed and the employer
    (§3(3)), so each such combination is evaluated once (at most 64 x 9)."""
    key = (facts["exceptions"], employer)
    found = None
    if facts.get("warrant") is None and facts.get("agreement") is None:
        found = _EXCEPTIONS.get(key)
    if found is None:
        reasons, outcomes, conflict = evaluate_exceptions(EXCEPTIONS, facts)
        applying = tuple(r.citation for r in reasons if r.applies)
        conflicting = tuple(r.citation for r in reasons if r.code == "exception_conflict")
        found = (reasons, outcomes, conflict, applying, conflicting)
        if facts.get("warrant") is None and facts.get("agreement") is None:
            _EXCEPTIONS[key] = found
    reasons, outcomes, conflict, applying, conflicting = found
    return list(reasons), set(outcomes), conflict, applying, conflicting


def _not_covered(on: date, version: str, reasons: list[Reason], steps: tuple[str, ...]) -> Decision:
    citations = [reasons[0].citation] if len(reasons) == 1 else unique([r.citation for r in reasons])
    return Decision("lot-use", "not_covered", reasons, citations, list(steps), version, on)


def decide_lot_use(facts: dict[str, Any], today: date) -> Decision:
    on: date = facts.get("date") or today
    version = version_for("lot-use", on)
    if version is None:
        reason = Reason(
            "before_effective_date",
            f"The order took effect on {first_version('lot-use').effective.isoformat()}. "
            f"It does not cover {on.isoformat()}.",
            S9,
            depends=("date",),
        )
        return _not_covered(on, first_version("lot-use").id, [reason], NOT_A_LOT)
    personnel = facts["personnel"]
    employer = personnel["employer"]
    if employer == "not_government":
        return _not_covered(on, version.id, [NOT_GOVERNMENT], USUAL_VISITORS)
    if not personnel["enforces_laws"]:
        return _not_covered(on, version.id, [NOT_LAW_ENFORCEMENT], USUAL_VISITORS)
    if employer in EXCLUDED:
        return _not_covered(on, version.id, [EXCLUDED[employer]], USUAL_PARTNERS)
    reasons = [COVERED]
    prop = facts["property"]
    if facts.get("property_basis"):
        reasons.append(Reason("property_record", facts["property_basis"], S1_1, depends=PROPERTY_FACTS))
    lot = city_lot(prop)
    reasons.append(_CITY_LOT[lot])
    if not lot.holds:
        if (
            prop["city_owned_or_leased"]
            and prop["city_operational_control"]
            and prop.get("city_governmental_purpose") is not False
        ):
            reasons.append(PROPERTY_ACCESS_MAY_APPLY)
            return _not_covered(on, version.id, reasons, NOT_A_LOT_MAYBE_PROPERTY)
        return _not_covered(on, version.id, reasons, NOT_A_LOT)
    base_use = BASE_USE.get(facts["use"])
    if base_use is None:
        reasons.append(NOT_A_BASE)
        return _not_covered(on, version.id, reasons, USUAL_LOT)
    if not facts["law_enforcement_purpose"]:
        reasons.append(NOT_LAW_ENFORCEMENT_PURPOSE)
        return _not_covered(on, version.id, reasons, USUAL_LOT)
    reasons.append(base_use)
    exception_reasons, outcomes, conflict, applying, conflicting = _exceptions(facts, employer)
    reasons += exception_reasons
    reasons.append(CONSTRUCTION)
    warrant = facts.get("warrant") is not None
    listed = facts["exceptions"]
    attested = (
        [
            {"fact": key, **(facts.get("attestations") or {}).get(key, {"by": "", "basis": ""})}
            for key in ATTESTED_FACTS
            if key in listed
        ]
        if listed
        else []
    )
    if conflict:
        return Decision(
            "lot-use",
            "unknown",
            reasons,
            _citations(applying, warrant, conflicting),
            list(CONFLICT_STEPS),
            version.id,
            on,
            conflict=True,
            attested=attested,
        )
    if outcomes:
        steps = list(PERMITTED_ATTESTED_STEPS if attested else PERMITTED_STEPS)
        return Decision(
            "lot-use", "permitted", reasons, _citations(applying, warrant, ()), steps, version.id, on, attested=attested
        )
    reasons.append(NO_EXCEPTION)
    return Decision(
        "lot-use",
        "not_permitted",
        reasons,
        _citations(applying, warrant, ()),
        list(NOT_PERMITTED_STEPS),
        version.id,
        on,
    )
