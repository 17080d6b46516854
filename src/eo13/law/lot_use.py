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
from eo13.law.definitions import city_lot
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
from eo13.law.facts import ATTESTED_FACTS
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
    def test(facts: dict[str, Any]) -> ExceptionResult:
        agreement: AgreementFacts | None = facts.get("agreement")
        claimed = _listed(facts, kind)
        if agreement is not None and agreement.kind == kind:
            ok, why = agreement.covers(on=facts["date"], property_ref=facts.get("property_ref"), use=facts["use"])
            if claimed and not ok:
                return ExceptionResult(
                    False, f"You said there is {label}, but {why} Ask counsel which is right.", conflict=True
                )
            return ExceptionResult(ok, why)
        if claimed:
            return ExceptionResult(
                True, f"You said they are here under {label} (not checked against the agreements list)."
            )
        return ExceptionResult(False, f"No {noun} was shown.")

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
    if employer == "other_state":
        return ExceptionResult(
            False,
            "EO 13 §3(3) covers arrangements with state or federal agencies. It is not clear that an agency of "
            "another state counts. Ask counsel.",
            conflict=True,
        )
    return ExceptionResult(
        False,
        "EO 13 §3(3) covers only arrangements with state or federal agencies, and these officers work for another "
        "local government. At most this is a formal agreement under §3(1): check it as one, or ask counsel.",
    )


def _attested(key: str, yes: str, no: str) -> Any:
    def test(facts: dict[str, Any]) -> ExceptionResult:
        return ExceptionResult(True, yes) if _listed(facts, key) else ExceptionResult(False, no)

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


def _not_covered(on: date, version: str, reasons: list[Reason], extra_steps: list[str]) -> Decision:
    steps = [*extra_steps, "If you are not sure, call your agency counsel.", WRITE_IT_DOWN]
    return Decision("lot-use", "not_covered", reasons, unique([r.citation for r in reasons]), steps, version, on)


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
        return _not_covered(on, first_version("lot-use").id, [reason], [])
    reasons: list[Reason] = []
    personnel = facts["personnel"]
    employer = personnel["employer"]
    if employer == "not_government":
        reasons.append(
            Reason(
                "not_government_personnel",
                "The rule is about government staff. Contractors or private staff working for a government agency "
                "are not government staff, so it does not cover them.",
                S3,
                depends=("personnel.employer",),
            )
        )
        return _not_covered(on, version.id, reasons, ["Your agency's usual rules for visitors and parking apply."])
    if not personnel["enforces_laws"]:
        reasons.append(
            Reason(
                "personnel_not_law_enforcement",
                "The rule is about government staff who can enforce laws. These people cannot, so it does not apply.",
                S3,
                depends=("personnel.enforces_laws",),
            )
        )
        return _not_covered(on, version.id, reasons, ["Your agency's usual rules for visitors and parking apply."])
    if employer in EXCLUDED_EMPLOYERS:
        reasons.append(
            Reason(
                "excluded_employer",
                f"The rule does not cover staff of {EXCLUDED_EMPLOYERS[employer]}.",
                S3,
                depends=("personnel.employer",),
            )
        )
        return _not_covered(on, version.id, reasons, ["Your agency's usual rules for City and partner staff apply."])
    reasons.append(
        Reason(
            "covered_personnel",
            "These are outside government staff who can enforce laws, so the rule covers them.",
            S3,
            depends=("personnel.employer", "personnel.enforces_laws"),
        )
    )
    prop = facts["property"]
    if facts.get("property_basis"):
        reasons.append(Reason("property_record", facts["property_basis"], eo(1, 1), depends=PROPERTY_FACTS))
    lot = city_lot(prop)
    reasons.append(Reason("city_lot" if lot.holds else "not_city_lot", lot.text, lot.citation, depends=PROPERTY_FACTS))
    if not lot.holds:
        steps: list[str] = []
        if (
            prop["city_owned_or_leased"]
            and prop["city_operational_control"]
            and prop.get("city_governmental_purpose") is not False
        ):
            reasons.append(
                Reason(
                    "property_access_may_apply",
                    "This may still be City property. The rules on entering non-public areas may apply.",
                    AC_4_210,
                    depends=PROPERTY_FACTS,
                )
            )
            steps.append("If they want to enter a non-public area, use the guide for entering a room or building.")
        return _not_covered(on, version.id, reasons, steps)
    if facts["use"] not in BASE_USES:
        reasons.append(
            Reason(
                "not_a_base",
                "The rule is about using the lot as a base (staging area, processing location or operations base). "
                "This use is not one of those.",
                S3,
                depends=("use",),
            )
        )
        return _not_covered(on, version.id, reasons, ["Your agency's usual rules for the lot apply."])
    if not facts["law_enforcement_purpose"]:
        reasons.append(
            Reason(
                "not_law_enforcement_purpose",
                "The rule is about using the lot for enforcing laws. This use is for something else.",
                S3,
                depends=("law_enforcement_purpose",),
            )
        )
        return _not_covered(on, version.id, reasons, ["Your agency's usual rules for the lot apply."])
    reasons.append(
        Reason(
            "base_use",
            f"They want to use the lot as a {BASE_USES[facts['use']]} for enforcing laws.",
            S3,
            depends=("use", "law_enforcement_purpose"),
        )
    )
    exception_reasons, outcomes, conflict = evaluate_exceptions(EXCEPTIONS, facts)
    reasons.extend(exception_reasons)
    reasons.append(
        Reason(
            "construction",
            "This rule sits beside the City laws on entering non-public areas and on helping immigration "
            "enforcement, and does not change them.",
            S4,
        )
    )
    applying = [r.citation for r in exception_reasons if r.applies]
    base_citations = [eo(1, 1), S3, *applying, S4, AC_4_210, AC_10_178]
    if facts.get("warrant") is not None:
        base_citations.insert(2, S1_JUDICIAL_WARRANT)  # the paper was judged under §1(6)
    attested = [
        {"fact": key, **(facts.get("attestations") or {}).get(key, {"by": "", "basis": ""})}
        for key in ATTESTED_FACTS
        if key in facts["exceptions"]
    ]
    if conflict:
        return Decision(
            "lot-use",
            "unknown",
            reasons,
            unique([*base_citations, *(r.citation for r in exception_reasons if r.code == "exception_conflict")]),
            [
                "The facts disagree with each other, so EO13 cannot give an answer.",
                CALL_COUNSEL,
                NO_FORCE,
                WRITE_IT_DOWN,
            ],
            version.id,
            on,
            conflict=True,
            attested=attested,
        )
    if outcomes:
        steps = [
            "The order allows this use because of the reason marked above. Ask for a copy of the paper or agreement.",
            "Tell your supervisor what is happening.",
        ]
        if attested:
            steps.append("This answer rests on someone's judgment. Tell your agency counsel who judged it and why.")
        steps += [
            "Entering a building or a non-public area is a separate question. Use the guide for that.",
            WRITE_IT_DOWN,
        ]
        return Decision(
            "lot-use", "permitted", reasons, unique(base_citations), steps, version.id, on, attested=attested
        )
    reasons.append(
        Reason(
            "no_exception",
            "None of the six reasons the order allows applies, so they may not use this City lot as a base.",
            S3,
            depends=("exceptions",),
        )
    )
    steps = [
        "Politely tell them that City rules do not let outside law enforcement use this lot as a base, unless one "
        "of the reasons in EO 13 §3 applies.",
        "Ask if they have a judicial warrant or an agreement with the City. If they show one, check it again here.",
        "Call your supervisor and your agency counsel now.",
        NO_FORCE,
        WRITE_IT_DOWN,
    ]
    return Decision("lot-use", "not_permitted", reasons, unique(base_citations), steps, version.id, on)
