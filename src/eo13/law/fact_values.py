"""The values every decision fact may take, and the error object for bad facts (INTERFACES §2), without Pydantic.

The enums here are the only place the values are written; :mod:`eo13.law.facts` builds its models from them and the
access app's models, services and API reuse them. Kept apart from the models so a decision whose facts are well
formed is read and decided without importing Pydantic (issue 14: `eo13 decide` starts in well under half a second).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final


class FactEnum(StrEnum):
    """The values a fact may take. Forms and models show them by :attr:`label` and list them by :meth:`choices`."""

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]


class Kind(StrEnum):
    """The questions the engine answers. The value is stored and sent over the API; people read :attr:`label`."""

    LOT_USE = "lot-use"
    PROPERTY_ACCESS = "property-access"
    WARRANT = "warrant"
    DETAINER = "detainer"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS: Final[dict[str, str]] = {
    Kind.LOT_USE: "Use of a City lot (EO 13 §3)",
    Kind.PROPERTY_ACCESS: "Entry to a non-public area (EO 13 §4)",
    Kind.WARRANT: "Is it a judge's warrant?",
    Kind.DETAINER: "Request to hold a person (detainer)",
}


def kind_label(value: str) -> str:
    """The plain words for a kind of question; a kind this list lacks reads as a question, never as its code."""
    return KIND_LABELS.get(value, "Other question")


class Employer(FactEnum):
    FEDERAL = "federal"
    STATE = "state"
    CITY = "city"
    DEPARTMENT_OF_EDUCATION = "department_of_education"
    LOCAL_PUBLIC_BENEFIT_CORPORATION = "local_public_benefit_corporation"
    LOCAL_PUBLIC_AUTHORITY = "local_public_authority"
    OTHER = "other"
    # Added for issue 10, after the existing values so no client breaks: officers of a state other than New York,
    # and people who are not government personnel at all (a federal agency's contractors, private security).
    OTHER_STATE = "other_state"
    NOT_GOVERNMENT = "not_government"


class PropertyKind(FactEnum):
    VACANT_LOT = "vacant_lot"
    PARKING_LOT = "parking_lot"
    GARAGE = "garage"
    BUILDING = "building"
    OTHER = "other"


class Use(FactEnum):
    STAGING_AREA = "staging_area"
    PROCESSING_LOCATION = "processing_location"
    OPERATIONS_BASE = "operations_base"
    OTHER = "other"


class LotException(FactEnum):
    """EO 13 §3(1) to §3(6), in that order."""

    FORMAL_AGREEMENT = "formal_agreement"
    JUDICIAL_WARRANT = "judicial_warrant"
    COOPERATIVE_ARRANGEMENT = "cooperative_arrangement"
    FURTHERS_CITY_AGENCY_MISSION = "furthers_city_agency_mission"
    EXIGENT_CIRCUMSTANCES = "exigent_circumstances"
    REQUIRED_BY_LAW = "required_by_law"


class AttestedFact(FactEnum):
    """Facts only a person can judge; the decision records who attested them and on what basis."""

    EXIGENT_CIRCUMSTANCES = "exigent_circumstances"
    FURTHERS_CITY_AGENCY_MISSION = "furthers_city_agency_mission"
    REQUIRED_BY_LAW = "required_by_law"


class Requester(FactEnum):
    NON_LOCAL_LAW_ENFORCEMENT = "non_local_law_enforcement"
    LOCAL_LAW_ENFORCEMENT = "local_law_enforcement"
    OTHER = "other"


class Area(FactEnum):
    PUBLIC = "public"
    NON_PUBLIC = "non_public"


class Issuer(FactEnum):
    ARTICLE_III_JUDGE = "article_iii_judge"
    FEDERAL_MAGISTRATE_JUDGE = "federal_magistrate_judge"
    NEW_YORK_STATE_COURT = "new_york_state_court"
    OTHER_STATE_COURT = "other_state_court"
    IMMIGRATION_JUDGE = "immigration_judge"
    IMMIGRATION_OFFICER = "immigration_officer"
    BANKRUPTCY_JUDGE = "bankruptcy_judge"
    COURT_CLERK = "court_clerk"
    OTHER = "other"


class Authorizes(FactEnum):
    CUSTODY = "custody"
    SEARCH = "search"
    ENTRY = "entry"


class Form(FactEnum):
    I_200 = "I-200"
    I_205 = "I-205"
    I_247A = "I-247A"
    OTHER = "other"


class DetainerAgency(FactEnum):
    """The agencies of the detainer laws named by EO 13 §2 (Admin Code §9-131, §9-205, §14-154)."""

    DOC = "DOC"
    NYPD = "NYPD"
    DOP = "DOP"


class DetainerRequest(FactEnum):
    HOLD_BEYOND_RELEASE = "hold_beyond_release"
    RELEASE_NOTIFICATION = "release_notification"
    INFORMATION_REQUEST = "information_request"
    INTERVIEW_ACCESS = "interview_access"


class ConvictionCategory(FactEnum):
    VIOLENT_OR_SERIOUS = "violent_or_serious"
    OTHER_FELONY = "other_felony"
    MISDEMEANOR = "misdemeanor"


# The values as tuples, for code that lists or samples them (derived, not written again).
KINDS: Final = tuple(k.value for k in Kind)
EMPLOYERS: Final = tuple(e.value for e in Employer)
PROPERTY_KINDS: Final = tuple(e.value for e in PropertyKind)
USES: Final = tuple(e.value for e in Use)
LOT_EXCEPTIONS: Final = tuple(e.value for e in LotException)
ATTESTED_FACTS: Final = tuple(e.value for e in AttestedFact)
REQUESTERS: Final = tuple(e.value for e in Requester)
AREAS: Final = tuple(e.value for e in Area)
ISSUERS: Final = tuple(e.value for e in Issuer)
AUTHORIZES: Final = tuple(e.value for e in Authorizes)
FORMS: Final = tuple(e.value for e in Form)
DETAINER_AGENCIES: Final = tuple(e.value for e in DetainerAgency)
DETAINER_REQUESTS: Final = tuple(e.value for e in DetainerRequest)
CONVICTION_CATEGORIES: Final = tuple(e.value for e in ConvictionCategory)


class FactsError(ValueError):
    """Bad facts: the error object of INTERFACES §2, ``{"error": "...", "field": "..."}``."""

    def __init__(self, error: str, field: str) -> None:
        super().__init__(f"{field}: {error}")
        self.error = error
        self.field = field

    def as_dict(self) -> dict[str, str]:
        return {"error": self.error, "field": self.field}


@dataclass(frozen=True)
class Fact:
    """Whether a fact must be given. ``required``: a full request must give it; a partial one may leave it out.
    ``asked``: optional in a full request (its default applies), but left out of a partial one it is not known, so
    the engine may ask for it. ``whole``: an object that, once given, must be described whole even in a partial
    request (a paper someone holds is read, not guessed)."""

    required: bool = False
    asked: bool = False
    whole: bool = False


REQUIRED: Final = Fact(required=True)
ASKED: Final = Fact(asked=True)


def type_name(value: Any) -> str:
    """The JSON name of a value's type, for error messages."""
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "array", dict: "object"}.get(
        type(value), "null" if value is None else type(value).__name__
    )
