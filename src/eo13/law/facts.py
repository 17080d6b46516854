"""Decision facts (INTERFACES §2) as Pydantic models: the one definition of every fact, its type and its values.

The values are written once, in :mod:`eo13.law.fact_values` (re-exported here); the access app's models, services
and API reuse them. :mod:`eo13.law.facts_fast` reads well-formed facts without these models; a test keeps the two
in step.
The models are strict (``extra="forbid"``; no "yes" for true, no number for a date), so the engine never guesses.
Whether a fact must be given is said once per field with :class:`Fact`; a partial request (the guide asks questions
one by one) leaves facts out, and what was left out is read from the fields actually set (``model_fields_set``).
Reading raw JSON into these models, and the error object for bad facts, is :mod:`eo13.law.facts_read`.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Final

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from eo13.law.fact_values import (
    AREAS,
    ASKED,
    ATTESTED_FACTS,
    AUTHORIZES,
    CONVICTION_CATEGORIES,
    DETAINER_AGENCIES,
    DETAINER_REQUESTS,
    EMPLOYERS,
    FORMS,
    ISSUERS,
    KIND_LABELS,
    KINDS,
    LOT_EXCEPTIONS,
    PROPERTY_KINDS,
    REQUESTERS,
    REQUIRED,
    USES,
    Area,
    AttestedFact,
    Authorizes,
    ConvictionCategory,
    DetainerAgency,
    DetainerRequest,
    Employer,
    Fact,
    FactEnum,
    FactsError,
    Form,
    Issuer,
    Kind,
    LotException,
    PropertyKind,
    Requester,
    Use,
    kind_label,
    type_name,
)

# Re-exported: the facts are imported from here, whichever module defines them.
__all__ = [
    "AREAS",
    "ASKED",
    "ATTESTED_FACTS",
    "AUTHORIZES",
    "CONVICTION_CATEGORIES",
    "DETAINER_AGENCIES",
    "DETAINER_REQUESTS",
    "EMPLOYERS",
    "FORMS",
    "ISSUERS",
    "KINDS",
    "KIND_LABELS",
    "LOT_EXCEPTIONS",
    "MODELS",
    "PROPERTY_KINDS",
    "REQUESTERS",
    "REQUIRED",
    "USES",
    "Area",
    "Attestation",
    "AttestedFact",
    "Authorizes",
    "Conviction",
    "ConvictionCategory",
    "DetainerAgency",
    "DetainerFacts",
    "DetainerRequest",
    "Employer",
    "Fact",
    "FactEnum",
    "Facts",
    "FactsError",
    "Form",
    "Issuer",
    "Kind",
    "LotException",
    "LotUseFacts",
    "Personnel",
    "Property",
    "PropertyAccessFacts",
    "PropertyKind",
    "Requester",
    "Use",
    "Warrant",
    "kind_label",
    "type_name",
]


def _unset(**field: Any) -> Any:
    """No default the rules would read as a fact: a fact not given stays out of ``model_fields_set``. (Typed ``Any``
    so a required fact keeps its own type and does not read as ``X | None``.)"""
    return Field(default=None, **field)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _fact_date(value: Any) -> date:
    if value is None:
        raise PydanticCustomError("fact", "must not be null")
    if not isinstance(value, str) or not _DATE.match(value):
        raise PydanticCustomError("fact", "must be a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("fact", "is not a real calendar date") from None


def _fact_text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError("fact", "must be a non-empty string, not {type}", {"type": type_name(value)})
    if len(value) > 100:
        raise PydanticCustomError("fact", "is too long (100 characters at most)")
    return value.strip()


def _in_order(enum: type[StrEnum]) -> AfterValidator:
    """A list of enum values, each once, in the enum's own order (the order the law lists them)."""
    order = [m.value for m in enum]
    return AfterValidator(lambda values: tuple(sorted({str(v) for v in values}, key=order.index)))


# A date as JSON carries it: a string YYYY-MM-DD, never a number.
FactDate = Annotated[date, PlainValidator(_fact_date), WithJsonSchema({"type": "string", "format": "date"})]
# A registry id, BBL or offence code: short, non-empty, stripped.
FactText = Annotated[
    str, PlainValidator(_fact_text), WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 100})
]
Exceptions = Annotated[tuple[LotException, ...], _in_order(LotException)]
Authorized = Annotated[tuple[Authorizes, ...], _in_order(Authorizes)]


class Facts(BaseModel):
    """Strict facts: a field is set only if the request gave it."""

    model_config = ConfigDict(strict=True, extra="forbid", use_enum_values=True, frozen=True)
    # Two ways to give one fact: (first, second, whether both may be given). Both may be given where one is a claim
    # and the other the document behind it, which the engine compares (judicial_warrant and warrant).
    one_of: ClassVar[tuple[tuple[str, str, bool], ...]] = ()

    @classmethod
    def need(cls, name: str) -> Fact:
        return next((m for m in cls.model_fields[name].metadata if isinstance(m, Fact)), Fact())

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> Any:
        schema = handler(core_schema)
        target = handler.resolve_ref_schema(schema)
        required = [n for n in cls.model_fields if cls.need(n).required]
        if required:
            target["required"] = required
        for props in target.get("properties", {}).values():
            props.pop("default", None)
            props.pop("title", None)
        target.pop("title", None)
        return schema


class Warrant(Facts):
    """EO 13 §1(6): who signed the paper and what it lets the officer do."""

    issued_by: Annotated[Issuer, REQUIRED] = _unset(description="who signed it")
    authorizes: Annotated[Authorized, REQUIRED] = _unset(
        description="what it lets the officer do", json_schema_extra={"uniqueItems": True}
    )
    form: Form | None = _unset(description="a U.S. Department of Homeland Security form number, if it has one")
    date: FactDate | None = None


class Personnel(Facts):
    employer: Annotated[Employer, REQUIRED] = _unset()
    enforces_laws: Annotated[bool, REQUIRED] = _unset()


class Property(Facts):
    kind: Annotated[PropertyKind, REQUIRED] = _unset()
    city_owned_or_leased: Annotated[bool, REQUIRED] = _unset()
    city_operational_control: Annotated[bool, REQUIRED] = _unset()
    # Never assumed (issue 10): when it is not given and the answer turns on it, the decision is `unknown`.
    city_governmental_purpose: bool | None = None


class Attestation(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    by: str = Field(default="", max_length=200)
    basis: str = Field(default="", max_length=1000)


Attestations = dict[AttestedFact, Attestation]
_WHOLE: Final = Fact(whole=True)


class LotUseFacts(Facts):
    """EO 13 §1(1), §3, §4."""

    one_of = (("property", "property_id", False),)

    date: FactDate | None = None
    personnel: Annotated[Personnel, REQUIRED] = _unset()
    property: Property | None = None
    property_id: FactText | None = None
    use: Annotated[Use, REQUIRED] = _unset()
    law_enforcement_purpose: Annotated[bool, REQUIRED] = _unset()
    # Asked only where it changes the answer (Admin Code §10-178, read with §3 by EO 13 §4).
    immigration_enforcement: Annotated[bool | None, ASKED] = None
    # In a partial request an omitted exceptions list is not known to be empty.
    exceptions: Annotated[Exceptions | None, ASKED] = _unset(json_schema_extra={"uniqueItems": True})
    warrant: Annotated[Warrant | None, _WHOLE] = None
    agreement_id: FactText | None = None
    attestations: Attestations | None = None


class PropertyAccessFacts(Facts):
    """Admin Code §4-210, with EO 13 §4."""

    one_of = (("property", "property_id", False), ("judicial_warrant", "warrant", True))

    date: FactDate | None = None
    requester: Annotated[Requester, REQUIRED] = _unset()
    property: Property | None = None
    property_id: FactText | None = None
    area: Annotated[Area, REQUIRED] = _unset()
    judicial_warrant: bool | None = None
    warrant: Annotated[Warrant | None, _WHOLE] = None
    authorized_by_city_personnel: Annotated[bool, REQUIRED] = _unset()
    emergency: Annotated[bool, REQUIRED] = _unset()
    immigration_enforcement: Annotated[bool | None, ASKED] = None
    attestations: Attestations | None = None


class Conviction(Facts):
    """A conviction, never a name or any identifier of the person (INTERFACES §2 `detainer` facts)."""

    category: Annotated[ConvictionCategory, REQUIRED] = _unset()
    offense_code: FactText | None = _unset(description="e.g. PL 160.15")
    date_of_judgment: Annotated[FactDate, REQUIRED] = _unset()
    released_on: FactDate | None = _unset(description="the day custody for this conviction ended; null if none")
    youthful_offender: Annotated[bool, REQUIRED] = _unset()


class DetainerFacts(Facts):
    """Admin Code §9-131, §9-205, §14-154, named by EO 13 §2."""

    date: FactDate | None = None
    agency: Annotated[DetainerAgency, REQUIRED] = _unset()
    request: Annotated[DetainerRequest, REQUIRED] = _unset()
    # In a full request an omitted warrant means only a detainer was served; in a partial one it is not known.
    warrant: Annotated[Warrant | None, Fact(asked=True, whole=True)] = _unset(
        description="omit when only a detainer was served"
    )
    convictions: Annotated[list[Conviction], REQUIRED] = _unset(max_length=50)
    arrest_date: FactDate | None = _unset(description="the arrest that brought the person into custody")
    terrorist_screening_match: Annotated[bool, REQUIRED] = _unset()


MODELS: Final[dict[str, type[Facts]]] = {
    Kind.LOT_USE: LotUseFacts,
    Kind.PROPERTY_ACCESS: PropertyAccessFacts,
    Kind.WARRANT: Warrant,
    Kind.DETAINER: DetainerFacts,
}
