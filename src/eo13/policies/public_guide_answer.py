"""The public guide's answer (issue 13): the engine's outcome and reasons in plain words, the paper, and whom to
call. Split from ``public_guide_flow`` (the questions); the facts come from there."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from eo13.law.citations import eo
from eo13.law.decide import decide
from eo13.law.engine import Decision
from eo13.law.identifying_information import CPO_PROTOCOLS, DISCLOSURE_RULES
from eo13.policies.public_guide_flow import (
    PAPERS,
    Answers,
    decisions_for,
    with_codes,
)

# --- The answer ---------------------------------------------------------------------------------------------------

HEADLINES: dict[tuple[str, str], Promise] = {
    ("property-access", "permitted"): _("They may come in, but only where the judge's warrant allows."),
    ("property-access", "not_permitted"): _("Do not let them into areas that are not open to the public."),
    ("property-access", "not_covered"): _("The City rule on entering private areas does not cover this place."),
    ("lot-use", "permitted"): _("They may use the lot, but only as the judge's warrant allows."),
    ("lot-use", "not_permitted"): _("They may not use this City lot or garage as a base."),
    ("lot-use", "not_covered"): _("The City rule on lots does not cover this place."),
    ("info", "not_permitted"): _("Do not give them information about anyone."),
}
UNSURE_HEADLINE = _("This guide cannot tell for sure. Call before you do anything else.")

# The engine's reasons, by (kind, code, exception), in plain words; a reason not listed here is not shown.
REASONS: dict[tuple[str, str, str | None], Promise] = {
    ("property-access", "city_property", None): _(
        "The City owns or rents this place, runs it and uses it for City services, so it is City property."
    ),
    ("property-access", "not_city_property", None): _(
        "This place is not City property: the City does not own or rent it and run it."
    ),
    ("property-access", "non_public_area", None): _("They want to enter an area that is not open to the public."),
    ("property-access", "exception_applies", "judicial_warrant"): _(
        "They showed a warrant signed by a judge. They may go only where it allows."
    ),
    ("property-access", "no_exception", None): _(
        "Without a warrant signed by a judge, permission from City staff who may give it, or an emergency, outside "
        "officers may not enter areas that are not open to the public."
    ),
    ("property-access", "construction", None): _("The order keeps this City law and is read together with it."),
    ("lot-use", "covered_personnel", None): _("The rule on City lots covers outside officers who enforce laws."),
    ("lot-use", "city_lot", None): _("The City owns or rents this lot or garage and runs it, so it is a City lot."),
    ("lot-use", "not_city_lot", None): _("This is not a City lot: the City does not own or rent it and run it."),
    ("lot-use", "base_use", None): _("They want to use the lot as a base for law enforcement."),
    ("lot-use", "exception_applies", "judicial_warrant"): _(
        "They showed a warrant signed by a judge, one of the exceptions the order lists."
    ),
    ("lot-use", "no_exception", None): _(
        "None of the six exceptions the order lists applies, so they may not use a City lot as a base."
    ),
    ("lot-use", "property_access_may_apply", None): _(
        "This place may still be City property, so the rule on entering private areas may apply."
    ),
    ("lot-use", "construction", None): _(
        "This rule sits beside the City laws on entering private areas and on immigration enforcement, and does not "
        "change them."
    ),
}
IMMIGRATION = _(
    "They are here to enforce immigration law. A City law limits the use of City property and resources for that, "
    "and it may forbid what the other rules allow."
)
REASONS |= {(kind, "immigration_enforcement", None): IMMIGRATION for kind in ("property-access", "lot-use")}
DEPENDS = _("The answer depends on something you did not know, such as who runs this place or who signed the paper.")
PAPER_TEXT = {
    "judicial_warrant": _(
        "The paper is signed by a judge: a federal judge or magistrate judge, or a New York State court. That makes "
        "it a judicial warrant."
    ),
    "not_judicial_warrant": _(
        "A paper signed by an immigration officer, such as Form %(i205)s, %(i200)s or %(i247)s, is not a warrant "
        "signed by a judge."
    ),
}

STEPS: dict[tuple[str, str], list[Promise]] = {
    ("property-access", "permitted"): [
        _("Read the warrant: check the court, the judge's signature, the date, the address and what it allows."),
        _("Let them act only within what the warrant allows. Stay with them if it is safe."),
    ],
    ("property-access", "not_permitted"): [
        _(
            "Politely say that this area is not open to the public, and that you need a warrant signed by a judge "
            "before anyone may enter."
        ),
        _("Do not give permission yourself. Ask them to wait while you call."),
    ],
    ("lot-use", "permitted"): [
        _("Read the warrant and let them use the lot only as it allows."),
    ],
    ("lot-use", "not_permitted"): [
        _(
            "Politely tell them that City rules do not let outside officers use this lot as a base, unless one of the "
            "exceptions in the order applies."
        ),
        _("Do not give permission yourself. Ask them to wait while you call."),
    ],
    ("info", "not_permitted"): [
        _("Do not give names, addresses, records or any other information about a person."),
        _(
            "Pass the request to the privacy officer of the City agency that holds your contract. They decide, with "
            "the agency's lawyers, what may be shared."
        ),
    ],
}
NOT_COVERED_STEPS = [
    _("Your organization's own rules apply. Do not give permission yourself. Ask them to wait while you call."),
]
UNSURE_STEPS = [
    _("Do not give permission yourself. Ask them to wait while you call."),
]
UNSURE_SIGNER = _("If you cannot tell who signed the paper, treat it as not signed by a judge until a lawyer says so.")
ALWAYS: list[Promise] = [
    _("Stay calm and polite."),
    _("Do not physically block, hold or touch an officer, even if you think they are wrong."),
    _("Ask to see the paper, and ask for a copy."),
    _("Do not sign anything."),
    _("Do not answer questions about anyone's immigration status."),
    _(
        "Write down which agency the officers are from, what they asked for and what papers they showed. Do not "
        "write down who the people you serve are."
    ),
]
CALLS: list[Promise] = [
    _("The City agency that holds your contract: call your contact there now."),
    _("Your organization's lawyer."),
    _("NYC 311: ask for the Mayor's Office of Immigrant Affairs (MOIA)."),
]
INFO_REASONS = [
    (_("Each City agency has a privacy officer who decides on requests for information about people."), eo(6)),
    (
        _("Information that can identify a person may be shared only when the law allows."),
        DISCLOSURE_RULES,
    ),
    (_("The City's Chief Privacy Officer sets how agencies handle these requests."), CPO_PROTOCOLS),
]


@dataclass
class Answer:
    kind: str
    outcome: str  # the engine's outcome; "unknown" when it cannot tell
    headline: Any
    reasons: list[tuple[Any, str]] = field(default_factory=list)  # (plain words, citation)
    steps: list[Any] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    unsure: bool = False


def _paper(answers: Answers, today: date) -> list[tuple[Any, str]]:
    """What the paper is, from the engine's warrant rule (EO 13 §1(6))."""
    if answers.paper != "yes" or answers.signer not in PAPERS:
        return []
    decision = decide("warrant", PAPERS[answers.signer], today=today)
    text = PAPER_TEXT[decision.outcome]
    words = with_codes(text, i205="I-205", i200="I-200", i247="I-247") if "%(" in str(text) else text
    return [(words, decision.citations[0])]


def _reasons(decision: Decision) -> list[tuple[Any, str]]:
    shown: list[tuple[Any, str]] = []
    for reason in decision.reasons:
        exception = reason.exception if reason.code == "exception_applies" else None
        words = DEPENDS if reason.code == "depends_on_missing" else REASONS.get((decision.kind, reason.code, exception))
        if words is not None:
            shown.append((words, reason.citation))
    return shown


def answer(answers: Answers, today: date) -> Answer:
    if answers.want == "info":
        return Answer(
            kind="info",
            outcome="not_permitted",
            headline=HEADLINES[("info", "not_permitted")],
            reasons=list(INFO_REASONS),
            steps=list(STEPS[("info", "not_permitted")]),
            citations=[citation for _words, citation in INFO_REASONS],
        )
    decisions = decisions_for(answers, today)
    decision = decisions[0]
    kind = decision.kind
    outcome = decision.outcome if len({d.outcome for d in decisions}) == 1 else "unknown"
    unsure = outcome == "unknown"
    reasons = [*_paper(answers, today), *_reasons(decision)]
    steps: list[Any]
    if unsure:
        steps = list(UNSURE_STEPS)
        if answers.signer == "unsure":
            steps.append(UNSURE_SIGNER)
        headline: Any = UNSURE_HEADLINE
        if not any(words is DEPENDS for words, _cite in reasons):
            reasons.append((DEPENDS, decision.citations[0]))
    elif outcome == "not_covered":
        steps, headline = list(NOT_COVERED_STEPS), HEADLINES[(kind, outcome)]
    else:
        steps, headline = list(STEPS[(kind, outcome)]), HEADLINES[(kind, outcome)]
    citations = list(dict.fromkeys([citation for _words, citation in reasons] + list(decision.citations)))
    return Answer(kind, outcome, headline, reasons, steps, citations, unsure)
