"""The public guide for staff of the City's human-services contractors (EO 13 §1(3), §1(4), §2, §5(2)).

They run shelters and clinics for the City but hold no City account. The guide asks a few plain questions, one per
screen; the only state is the structured answers in the query string (never free text), so nothing is stored and the
browser's Back button works. The answer comes from the law engine (``eo13.law.decide``): the outcome and the codes
and citations of its reasons. This module only words them in the visitor's language; no rule is restated here.
Where the engine cannot tell, the answer is to call, never a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from eo13.law.citations import eo
from eo13.law.decide import decide
from eo13.law.definitions import HUMAN_SERVICES, Finding, contractor, human_services
from eo13.law.engine import Decision
from eo13.law.identifying_information import CPO_PROTOCOLS, DISCLOSURE_RULES

# The questions, in the order they are asked, and the answers each accepts.
CHOICES: dict[str, tuple[str, ...]] = {
    "want": ("enter", "lot", "info"),
    "place": ("city", "not_city", "unsure"),
    "paper": ("yes", "no"),
    "signer": ("judge", "officer", "unsure"),
    "purpose": ("immigration", "other", "unsure"),
}
ORDER = tuple(CHOICES)


def ltr(code: str) -> SafeString:
    """A code or citation ("I-205", "EO 13 §3") isolated left to right, so it reads right in Arabic and Urdu."""
    return mark_safe(f'<bdi dir="ltr">{escape(code)}</bdi>')  # escaped just above


def _with_codes(text: Promise | str, **codes: str) -> SafeString:
    return mark_safe(escape(str(text)) % {k: ltr(v) for k, v in codes.items()})  # the text is escaped


QUESTIONS: dict[str, dict[str, Any]] = {
    "want": {
        "text": _("What do the officers want?"),
        "labels": {
            "enter": _("To come into a part of the building that is not open to the public"),
            "lot": _("To use our parking lot or garage, for example to park, gather or hold people"),
            "info": _("Information about a person: a name, an address, a record, or whether someone is here"),
        },
    },
    "place": {
        "text": _("Whose place is it?"),
        "help": _("City property is a place the City owns or rents, runs, and uses for City services."),
        "labels": {
            "city": _("The City's: the City owns or rents it, a City agency runs it, and it is used for City services"),
            "not_city": _("Not the City's: my organization or someone else owns or rents it and runs it"),
            "unsure": _("I am not sure"),
        },
    },
    "purpose": {
        "text": _("Did they say they are here to enforce immigration law?"),
        "help": _("For example, to find or arrest someone because of their immigration status."),
        "labels": {
            "immigration": _("Yes, immigration"),
            "other": _("No, something else, such as a criminal case"),
            "unsure": _("I am not sure"),
        },
    },
    "paper": {
        "text": _("Did they show you a paper, such as a warrant?"),
        "labels": {"yes": _("Yes, they showed a paper"), "no": _("No paper")},
    },
    "signer": {
        "text": _("Who signed the paper?"),
        "help": _("Look at the top of the paper and at the signature."),
        "labels": {
            "judge": _(
                "A judge: a federal judge or magistrate judge, or a New York State court. The name of the court is at "
                "the top."
            ),
            "officer": None,  # built with its form numbers, see question()
            "unsure": _("I cannot tell"),
        },
    },
}
OFFICER_LABEL = _(
    "An officer: for example Form %(i205)s, %(i200)s or %(i247)s from the U.S. Department of Homeland Security "
    "(ICE or CBP), signed by an immigration officer, not a judge"
)

# The paper a person describes, as the engine's warrant facts (INTERFACES §2 `warrant`). A judge's paper is taken to
# let the officers act (the label says "a warrant"); any judge the order names counts the same (EO 13 §1(6)).
PAPERS: dict[str, dict[str, Any]] = {
    "judge": {"issued_by": "article_iii_judge", "authorizes": ["entry", "custody"]},
    "officer": {"issued_by": "immigration_officer", "authorizes": ["custody"]},
}
CITY = {"city_owned_or_leased": True, "city_operational_control": True, "city_governmental_purpose": True}
NOT_CITY = {"city_owned_or_leased": False, "city_operational_control": False, "city_governmental_purpose": True}
# "Outside officers" are federal or state officers; the lot rule treats both alike unless the answers differ.
OUTSIDE_EMPLOYERS = ("federal", "state")


@dataclass(frozen=True)
class Answers:
    want: str = ""
    place: str = ""
    paper: str = ""
    signer: str = ""

    purpose: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, str], today: date) -> Answers:
        """Only the listed answers count, and only in order: a later answer without the ones before it is dropped."""
        kept: dict[str, str] = {}
        for key in ORDER:
            value = query.get(key, "")
            if key not in needed(cls(**kept), today):
                continue
            if value not in CHOICES[key]:
                break
            kept[key] = value
        return cls(**kept)

    def get(self, key: str) -> str:
        return str(getattr(self, key))

    def query(self, **changes: str) -> str:
        data = {k: v for k, v in vars(replace(self, **changes)).items() if v}
        return urlencode([(k, data[k]) for k in ORDER if k in data])

    def before(self, key: str) -> list[tuple[str, str]]:
        """The answers given before ``key``: the hidden fields of its form."""
        return [(k, self.get(k)) for k in ORDER[: ORDER.index(key)] if self.get(k)]


def needed(answers: Answers, today: date) -> list[str]:
    """The questions this person must answer, in order, given what they have said so far. Why the officers came is
    asked only when the engine says the answer turns on it (immigration enforcement: EO 13 §1(5), §4)."""
    if answers.want in ("", "info"):
        return ["want"]
    keys = ["want", "place", "paper"]
    if answers.paper == "yes":
        keys.append("signer")
    if all(answers.get(k) for k in keys) and _turns_on_purpose(answers, today):
        keys.append("purpose")
    return keys


def next_question(answers: Answers, today: date) -> str | None:
    return next((k for k in needed(answers, today) if not answers.get(k)), None)


def question(key: str, answers: Answers) -> dict[str, Any]:
    spec = QUESTIONS[key]
    labels = dict(spec["labels"])
    if key == "signer":
        labels["officer"] = _with_codes(OFFICER_LABEL, i205="I-205", i200="I-200", i247="I-247")
    return {
        "key": key,
        "text": spec["text"],
        "help": spec.get("help", ""),
        "choices": [(value, labels[value], value == answers.get(key)) for value in CHOICES[key]],
        "hidden": answers.before(key),
        "step": ORDER.index(key) + 1,
    }


def back_link(key: str, answers: Answers, today: date) -> str:
    """The query that shows the question before ``key`` again, its answer kept (``ask=``); "" on the first."""
    keys = needed(answers, today)
    i = keys.index(key)
    return f"{answers.query()}&ask={keys[i - 1]}" if i else ""


def summary(answers: Answers, today: date) -> list[dict[str, Any]]:
    """The answers given, each with a link that asks its question again."""
    rows = []
    for key in needed(answers, today):
        chosen = next(label for value, label, _on in question(key, answers)["choices"] if value == answers.get(key))
        rows.append({"question": QUESTIONS[key]["text"], "answer": chosen, "change": f"{answers.query()}&ask={key}"})
    return rows


def audience() -> list[dict[str, Any]]:
    """Who the guide is for, with the §1 definitions that make it so (EO 13 §1(3), §1(4))."""
    is_contractor: Finding = contractor(True)
    serves: Finding = human_services(HUMAN_SERVICES)
    assert is_contractor.holds and serves.holds  # the definitions this guide is written for
    return [
        {
            "text": _("You work for an organization that has a contract with a City agency."),
            "citation": is_contractor.citation,
        },
        {
            "text": _(
                "It provides human services for the City, such as a shelter, a health clinic, child care, foster care, "
                "a senior center, legal help, job training or a youth program."
            ),
            "citation": serves.citation,
        },
        {
            "text": _(
                "Officers from outside the City, such as federal immigration officers, are at your door. This guide is "
                "not about NYC police (NYPD)."
            ),
            "citation": "",
        },
    ]


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


def _facts(answers: Answers, today: date) -> tuple[str, list[dict[str, Any]]]:
    """The engine facts for these answers: one set, or one per kind of outside officer for the lot rule."""
    kind, sets = _base_facts(answers, today)
    if answers.purpose in ("immigration", "other"):
        sets = [{**facts, "immigration_enforcement": answers.purpose == "immigration"} for facts in sets]
    return kind, sets


def _decisions(answers: Answers, today: date) -> list[Decision]:
    kind, fact_sets = _facts(answers, today)
    return [decide(kind, facts, today=today, partial=True) for facts in fact_sets]


def _turns_on_purpose(answers: Answers, today: date) -> bool:
    return any("immigration_enforcement" in (d.missing or []) for d in _decisions(replace(answers, purpose=""), today))


def _base_facts(answers: Answers, today: date) -> tuple[str, list[dict[str, Any]]]:
    prop: dict[str, Any] | None = None
    if answers.place in ("city", "not_city"):
        kind = "parking_lot" if answers.want == "lot" else "building"
        prop = {"kind": kind, **(CITY if answers.place == "city" else NOT_CITY)}
    paper = PAPERS.get(answers.signer) if answers.paper == "yes" else None
    if answers.want == "enter":
        facts: dict[str, Any] = {
            "date": today.isoformat(),
            "requester": "non_local_law_enforcement",
            "area": "non_public",
            # The person at the door is asking because no one has let them in, and this is no emergency; the
            # answer says to call if either changes.
            "authorized_by_city_personnel": False,
            "emergency": False,
        }
        if prop:
            facts["property"] = prop
        if paper:
            facts["warrant"] = paper
        elif answers.paper == "no":
            facts["judicial_warrant"] = False
        return "property-access", [facts]
    # No agreement or other exception of EO 13 §3 is known at the door; the answer says to call if there is one.
    base: dict[str, Any] = {
        "date": today.isoformat(),
        "use": "staging_area",
        "law_enforcement_purpose": True,
        "exceptions": [],
    }
    if prop:
        base["property"] = prop
    if paper:
        base["warrant"] = paper
    elif answers.paper != "no":
        base.pop("exceptions")  # a paper no one can read could be a judge's warrant
    sets = [{**base, "personnel": {"employer": e, "enforces_laws": True}} for e in OUTSIDE_EMPLOYERS]
    return "lot-use", sets


def _paper(answers: Answers, today: date) -> list[tuple[Any, str]]:
    """What the paper is, from the engine's warrant rule (EO 13 §1(6))."""
    if answers.paper != "yes" or answers.signer not in PAPERS:
        return []
    decision = decide("warrant", PAPERS[answers.signer], today=today)
    text = PAPER_TEXT[decision.outcome]
    words = _with_codes(text, i205="I-205", i200="I-200", i247="I-247") if "%(" in str(text) else text
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
    decisions = _decisions(answers, today)
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
