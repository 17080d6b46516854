"""May DOC, NYPD or Probation honor a civil immigration detainer? (Admin Code §9-131, §14-154, §9-205; named by
EO 13 §2, which tells these agencies to comply with them.)

General rule: the agency does not hold a person for federal immigration authorities beyond the time they would
otherwise be released. The only way it may: BOTH (1) federal immigration authorities present a judicial warrant for
that person's detention, signed by a federal judge (Article III or a federal magistrate judge) AND (2) the person
was convicted of a violent or serious crime within the look-back period, or is a possible match in the federal
terrorist screening database. The terrorist-screening path replaces only the conviction condition, never the
warrant: no answer is ``may_honor`` without a federal judicial warrant.

Youthful-offender and juvenile-delinquency adjudications are not convictions (§9-131(a)). Where the texts we found
do not settle a case (how time in custody counts in the look-back; the other kinds of request; a category that
contradicts the offense code) the answer is ``unknown`` and says to call counsel. docs/detainer-sources.md lists
what was read, where, and what stays unconfirmed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from eo13.law.citations import admin_code, eo
from eo13.law.detainer_crimes import on_list
from eo13.law.detainer_laws import FEDERAL_JUDGES, LAWS, LOOK_BACK_YEARS, AgencyLaw, look_back_start
from eo13.law.engine import CALL_COUNSEL, NO_FORCE, Decision, Reason, unique
from eo13.law.fact_values import FactsError
from eo13.law.warrant import warrant_reasons

KIND: Final = "detainer"
S2 = eo(2)


@dataclass(frozen=True)
class Basis:
    status: str  # yes | no | unclear
    condition: str
    reasons: tuple[Reason, ...]
    conflict: bool = False


def _conviction(c: dict[str, Any], i: int, on: date, arrest: date | None, law: AgencyLaw) -> tuple[str, Reason]:
    """(qualifies | no | arrest_date_needed | category_conflict, reason) for one conviction.

    The look-back, as the 2014 laws count it (IDP practice advisory, 2014; enacted text not read): five years back
    from the arrest that brought the person into custody, counted from the day custody for that conviction ended, so
    time in custody is left out."""
    where = f"convictions[{i}]"
    judged: date | None = c["date_of_judgment"]
    released: date | None = c.get("released_on")
    if judged is None:  # only the partial engine's stand-in: a qualifying judgment on the day of the decision
        judged = on
    if judged > on:
        raise FactsError("is after the date of the decision", f"{where}.date_of_judgment")
    if released is not None and (released < judged or released > on):
        raise FactsError("must fall between the judgment and the date of the decision", f"{where}.released_on")
    cite = law.definitions
    depends = ("convictions",)
    if c["youthful_offender"]:
        text = "A youthful-offender or juvenile adjudication is not a conviction."
        return "no", Reason("youthful_offender", text, cite, depends=depends)
    listed = on_list(c.get("offense_code"))
    if c["category"] != "violent_or_serious":
        if listed:
            text = "The offense code is on the violent or serious list, but the conviction was marked as another kind."
            return "category_conflict", Reason("category_conflict", text, cite, depends=depends)
        kind = {"other_felony": "a felony not on the list", "misdemeanor": "a misdemeanor"}[c["category"]]
        text = f"One conviction is {kind}; only violent or serious crimes count."
        return "no", Reason("not_violent_or_serious", text, cite, depends=depends)
    counted_from = released or judged
    if counted_from >= look_back_start(arrest or on):
        text = (
            f"A conviction for a violent or serious crime falls within the {LOOK_BACK_YEARS} years the law counts "
            "(time in custody for it left out)."
        )
        return "qualifies", Reason("conviction_in_look_back", text, law.basis_paragraph, depends=depends)
    if arrest is None:
        text = (
            f"The {LOOK_BACK_YEARS} years count back from the arrest that brought the person into custody. "
            "Give the arrest date, or ask counsel."
        )
        return "arrest_date_needed", Reason("arrest_date_needed", text, law.basis_paragraph, depends=depends)
    text = (
        f"A violent or serious conviction ended more than {LOOK_BACK_YEARS} years before the arrest; it does not count."
    )
    return "no", Reason("conviction_outside_look_back", text, law.basis_paragraph, depends=depends)


def basis(facts: dict[str, Any], on: date, law: AgencyLaw) -> Basis:
    """Condition (2): a violent or serious conviction in the look-back, or a terrorist-screening match."""
    arrest: date | None = facts.get("arrest_date")
    if arrest is not None and arrest > on:
        raise FactsError("is after the date of the decision", "arrest_date")
    found = [_conviction(c, i, on, arrest, law) for i, c in enumerate(facts["convictions"])]
    reasons = [r for _, r in found]
    statuses = {s for s, _ in found}
    if facts["terrorist_screening_match"]:
        reasons.insert(
            0,
            Reason(
                "terrorist_screening_match",
                "The person is a possible match in the federal terrorist screening database.",
                law.basis_paragraph,
                depends=("terrorist_screening_match",),
            ),
        )
        return Basis("yes", "terrorist_screening_match", tuple(reasons))
    if "qualifies" in statuses:
        return Basis("yes", "conviction_in_look_back", tuple(reasons))
    if "category_conflict" in statuses:
        return Basis("unclear", "category_conflict", tuple(reasons), conflict=True)
    if "arrest_date_needed" in statuses:
        return Basis("unclear", "arrest_date_needed", tuple(reasons))
    reasons.insert(
        0,
        Reason(
            "no_qualifying_conviction",
            f"No conviction for a violent or serious crime in the last {LOOK_BACK_YEARS} years, and no "
            "terrorist-screening match.",
            law.basis_paragraph,
            depends=("convictions", "terrorist_screening_match"),
        ),
    )
    return Basis("no", "no_qualifying_conviction", tuple(reasons))


def warrant_finding(paper: dict[str, Any] | None, law: AgencyLaw) -> tuple[bool, str, Reason]:
    """Condition (1): a judicial warrant for this person's detention, signed by a federal judge."""
    cite = law.warrant_paragraph
    if paper is None:
        return (
            False,
            "no_judicial_warrant",
            Reason(
                "no_judicial_warrant",
                "Only a detainer or other DHS paper was served. A detainer is a request, not a judge's warrant.",
                cite,
                depends=("warrant",),
            ),
        )
    judicial, _ = warrant_reasons(paper)
    if not judicial:
        return (
            False,
            "no_judicial_warrant",
            Reason("no_judicial_warrant", "The paper served is not a judicial warrant.", cite, depends=("warrant",)),
        )
    if paper["issued_by"] not in FEDERAL_JUDGES:
        return (
            False,
            "warrant_not_federal_judge",
            Reason(
                "warrant_not_federal_judge",
                "The warrant is from a State court. The detainer laws accept only a warrant signed by a federal judge "
                "or federal magistrate judge.",
                cite,
                depends=("warrant",),
            ),
        )
    if "custody" not in paper["authorizes"]:
        return (
            False,
            "no_judicial_warrant",
            Reason(
                "warrant_not_for_detention",
                "The warrant does not order this person held or taken into custody.",
                cite,
                depends=("warrant",),
            ),
        )
    return (
        True,
        "",
        Reason(
            "judicial_warrant",
            "A federal judge signed a warrant to hold this person.",
            cite,
            depends=("warrant",),
        ),
    )


def _steps(outcome: str, request: str, conflict: bool) -> list[str]:
    if outcome == "may_honor":
        steps = [
            "Check the warrant with your supervisor: the court, the judge's signature, the person it names.",
            "Do only what the warrant and the detainer ask. Ask counsel how long the law lets you hold someone.",
        ]
    elif outcome == "may_not_honor":
        steps = (
            ["Release the person at the time they would be released anyway. Do not hold them longer for ICE."]
            if request == "hold_beyond_release"
            else ["Do not share the person's release time or custody information with immigration authorities."]
        )
        steps.append("Tell your supervisor that a detainer was received and not honored.")
    else:
        steps = ["Do not hold the person or share their information until counsel answers."]
        if conflict:
            steps.insert(0, "The facts disagree with each other. Check the records search again.")
    return [*steps, CALL_COUNSEL, NO_FORCE]


def decide_detainer(facts: dict[str, Any], today: date) -> Decision:
    on: date = facts.get("date") or today
    law = LAWS[facts["agency"]]
    request = facts["request"]
    section = admin_code(law.section)
    base = [S2, section]

    def done(outcome: str, reasons: list[Reason], conflict: bool = False) -> Decision:
        return Decision(
            kind=KIND,
            outcome=outcome,
            reasons=reasons,
            citations=unique([*base, *(r.citation for r in reasons)]),
            next_steps=_steps(outcome, request, conflict),
            rules_version=law.version,
            as_of=on,
            conflict=conflict,
        )

    if on < law.effective:
        return done(
            "unknown",
            [
                Reason(
                    "before_law_in_force",
                    f"We could not confirm the {law.name} rule in force on {on.isoformat()}. Call counsel.",
                    section,
                    depends=("date",),
                )
            ],
        )
    ok, _why_not, warrant_reason = warrant_finding(facts["warrant"], law)
    found = basis(facts, on, law)
    both = [warrant_reason, *found.reasons]
    if request in ("information_request", "interview_access"):
        what = "asks for information" if request == "information_request" else "asks to interview the person"
        unconfirmed = Reason(
            "request_text_unconfirmed",
            f"A request that {what} is governed by parts of the law we could not confirm. Call counsel.",
            section,
            depends=("request",),
        )
        return done("unknown", [unconfirmed, *both])
    if request == "release_notification":
        if ok and found.status == "yes":
            lesser = Reason(
                "may_hold_so_may_notify",
                "The agency could hold this person for immigration authorities, so telling them the release time "
                "is allowed too.",
                law.warrant_paragraph,
                depends=("request",),
            )
            return done("may_honor", [lesser, *both])
        if law.restricts_release_information and (not ok or found.status == "no"):
            # DOC staff may tell ICE of a release date only about a person whose detainer DOC may honor (the
            # Council's summary of Int. 486-2014); here it may not.
            limit = Reason(
                "release_information_limited",
                "Staff may tell immigration authorities when a person leaves custody only if the detainer could be "
                "honored. It cannot be here.",
                section,
                depends=("request",),
            )
            return done("may_not_honor", [limit, *both])
        unconfirmed = Reason(
            "request_text_unconfirmed",
            "Whether the law lets the agency tell immigration authorities the release time here is not confirmed.",
            section,
            depends=("request",),
        )
        return done("unknown", [unconfirmed, *both], conflict=found.conflict)
    if not ok:
        if law.agency == "NYPD" and _nypd_short_hold_may_apply(facts):
            return done("unknown", [_NYPD_SHORT_HOLD, *both])
        return done("may_not_honor", both)
    if found.status == "yes":
        return done("may_honor", both)
    if found.status == "no":
        return done("may_not_honor", [*found.reasons, warrant_reason])
    return done("unknown", [*found.reasons, warrant_reason], conflict=found.conflict)


# The 2014 text of §14-154 (Local Law 59 of 2014), as the Immigrant Defense Project's practice advisory describes it,
# let NYPD hold a person up to 48 hours without a judicial warrant, so ICE could get one, when the person was a
# possible terrorist-screening match, or had a violent or serious conviction at any time and had been deported and
# re-entered. We could not read the enacted text nor confirm whether the 2017 amendments removed that path, and the
# engine never asks about a person's immigration history. So this case is "unknown": call counsel.
_NYPD_SHORT_HOLD = Reason(
    "nypd_no_warrant_path_unconfirmed",
    "The Police Department's law once let it hold some people for a short time without a warrant. We could not "
    "confirm that this is still the law. Call counsel before holding anyone.",
    admin_code("14-154(b)"),
    depends=("warrant", "convictions", "terrorist_screening_match"),
)


def _nypd_short_hold_may_apply(facts: dict[str, Any]) -> bool:
    if facts["terrorist_screening_match"]:
        return True
    return any(c["category"] == "violent_or_serious" and not c["youthful_offender"] for c in facts["convictions"])


def deciding_condition(decision: Decision) -> str:
    """The condition the laws' reports count: the first reason that settles the outcome."""
    if decision.outcome == "unknown" and decision.missing:
        return "depends_on_missing"
    codes = [r.code for r in decision.reasons]
    order = {
        "may_honor": ("terrorist_screening_match", "conviction_in_look_back"),
        "may_not_honor": (
            "no_judicial_warrant",
            "warrant_not_for_detention",
            "warrant_not_federal_judge",
            "no_qualifying_conviction",
        ),
        "unknown": (
            "before_law_in_force",
            "request_text_unconfirmed",
            "nypd_no_warrant_path_unconfirmed",
            "category_conflict",
            "arrest_date_needed",
        ),
    }[decision.outcome]
    for code in order:
        if code in codes:
            return "no_judicial_warrant" if code == "warrant_not_for_detention" else code
    return "request_text_unconfirmed" if decision.outcome == "unknown" else "no_qualifying_conviction"


# Partial decisions (INTERFACES §2 --partial): representative values for each fact that may be missing, in the
# order a person would be asked. A conviction with no date stands for "a qualifying judgment on the day decided".
_QUALIFYING = (
    {
        "category": "violent_or_serious",
        "offense_code": None,
        "date_of_judgment": None,
        "released_on": None,
        "youthful_offender": False,
    },
)
_FEDERAL_WARRANT = {"issued_by": "article_iii_judge", "authorizes": ("custody",), "form": None, "date": None}
DOMAINS: Final[dict[str, tuple[Any, ...]]] = {
    "agency": ("DOC", "NYPD", "DOP"),
    "request": ("hold_beyond_release", "release_notification", "information_request"),
    "warrant": (None, _FEDERAL_WARRANT),
    "terrorist_screening_match": (False, True),
    "convictions": ((), _QUALIFYING),
}
