"""The public guide for staff of the City's human-services contractors (EO 13 §1(3), §1(4), §2, §5(2)).

They run shelters and clinics for the City but hold no City account. The guide asks a few plain questions, one per
screen; the only state is the structured answers in the query string (never free text), so nothing is stored and the
browser's Back button works. The answer comes from the law engine (``eo13.law.decide``): the outcome and the codes
and citations of its reasons. This module only words them in the visitor's language; no rule is restated here.
Where the engine cannot tell, the answer is to call, never a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from eo13.law.decide import decide
from eo13.law.definitions import HUMAN_SERVICES, Finding, contractor, human_services
from eo13.law.engine import Decision

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


def with_codes(text: Promise | str, **codes: str) -> SafeString:
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
    if all(answers.get(k) for k in keys) and turns_on_purpose(answers, today):
        keys.append("purpose")
    return keys


def next_question(answers: Answers, today: date) -> str | None:
    return next((k for k in needed(answers, today) if not answers.get(k)), None)


def question(key: str, answers: Answers) -> dict[str, Any]:
    spec = QUESTIONS[key]
    labels = dict(spec["labels"])
    if key == "signer":
        labels["officer"] = with_codes(OFFICER_LABEL, i205="I-205", i200="I-200", i247="I-247")
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


def _facts(answers: Answers, today: date) -> tuple[str, list[dict[str, Any]]]:
    """The engine facts for these answers: one set, or one per kind of outside officer for the lot rule."""
    kind, sets = _base_facts(answers, today)
    if answers.purpose in ("immigration", "other"):
        sets = [{**facts, "immigration_enforcement": answers.purpose == "immigration"} for facts in sets]
    return kind, sets


def decisions_for(answers: Answers, today: date) -> list[Decision]:
    kind, fact_sets = _facts(answers, today)
    return [decide(kind, facts, today=today, partial=True) for facts in fact_sets]


def turns_on_purpose(answers: Answers, today: date) -> bool:
    return any(
        "immigration_enforcement" in (d.missing or []) for d in decisions_for(replace(answers, purpose=""), today)
    )


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
