"""Reading decision facts (INTERFACES §2): strict, so the engine never guesses.

Unknown field, wrong type, unknown enum value or a missing required fact is a :class:`FactsError` naming the field.
With ``partial=True`` a missing fact is not an error: it is recorded as :data:`UNKNOWN` and listed, so the engine
can say which facts could change the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

EMPLOYERS: Final = (
    "federal",
    "state",
    "city",
    "department_of_education",
    "local_public_benefit_corporation",
    "local_public_authority",
    "other",
    # Added for issue 10, after the existing values so no client breaks: officers of a state other than New York,
    # and people who are not government personnel at all (a federal agency's contractors, private security).
    "other_state",
    "not_government",
)
PROPERTY_KINDS: Final = ("vacant_lot", "parking_lot", "garage", "building", "other")
USES: Final = ("staging_area", "processing_location", "operations_base", "other")
LOT_EXCEPTIONS: Final = (
    "formal_agreement",
    "judicial_warrant",
    "cooperative_arrangement",
    "furthers_city_agency_mission",
    "exigent_circumstances",
    "required_by_law",
)
# Facts only a person can judge; the decision records who attested them and on what basis.
ATTESTED_FACTS: Final = ("exigent_circumstances", "furthers_city_agency_mission", "required_by_law")
REQUESTERS: Final = ("non_local_law_enforcement", "local_law_enforcement", "other")
AREAS: Final = ("public", "non_public")
ISSUERS: Final = (
    "article_iii_judge",
    "federal_magistrate_judge",
    "new_york_state_court",
    "other_state_court",
    "immigration_judge",
    "immigration_officer",
    "bankruptcy_judge",
    "court_clerk",
    "other",
)
AUTHORIZES: Final = ("custody", "search", "entry")
FORMS: Final = ("I-200", "I-205", "I-247A", "other")
KINDS: Final = ("lot-use", "property-access", "warrant", "detainer")
# The detainer laws named by EO 13 §2 (Admin Code §9-131, §9-205, §14-154).
DETAINER_AGENCIES: Final = ("DOC", "NYPD", "DOP")
DETAINER_REQUESTS: Final = ("hold_beyond_release", "release_notification", "information_request", "interview_access")
CONVICTION_CATEGORIES: Final = ("violent_or_serious", "other_felony", "misdemeanor")


class _Unknown:
    """A fact not given in a partial request."""

    _instance: _Unknown | None = None

    def __new__(cls) -> _Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:
        raise TypeError("an unknown fact has no truth value; enumerate it first")


UNKNOWN: Final = _Unknown()


class FactsError(ValueError):
    def __init__(self, error: str, field: str) -> None:
        super().__init__(f"{field}: {error}")
        self.error = error
        self.field = field

    def as_dict(self) -> dict[str, str]:
        return {"error": self.error, "field": self.field}


@dataclass(frozen=True)
class Spec:
    """One fact: its type and, for enums, the values it may take."""

    type: str  # bool | enum | enum_list | date | str | object | object_list | attestations
    values: tuple[str, ...] = ()
    required: bool = True
    default: Any = None
    children: dict[str, Spec] = field(default_factory=dict)
    help: str = ""


WARRANT_SPEC: Final = {
    "issued_by": Spec("enum", ISSUERS, help="who signed it"),
    "authorizes": Spec("enum_list", AUTHORIZES, help="what it lets the officer do"),
    "form": Spec(
        "enum", FORMS, required=False, help="a U.S. Department of Homeland Security form number, if it has one"
    ),
    "date": Spec("date", required=False),
}
PROPERTY_SPEC: Final = {
    "kind": Spec("enum", PROPERTY_KINDS),
    "city_owned_or_leased": Spec("bool"),
    "city_operational_control": Spec("bool"),
    # Never assumed (issue 10): when it is not given and the answer turns on it, the decision is `unknown`.
    "city_governmental_purpose": Spec("bool", required=False, default=None),
}
LOT_USE_SPEC: Final = {
    "date": Spec("date", required=False),
    "personnel": Spec(
        "object",
        children={"employer": Spec("enum", EMPLOYERS), "enforces_laws": Spec("bool")},
    ),
    "property": Spec("object", required=False, children=PROPERTY_SPEC),
    "property_id": Spec("str", required=False),
    "use": Spec("enum", USES),
    "law_enforcement_purpose": Spec("bool"),
    "immigration_enforcement": Spec("bool", required=False, default=None),
    "exceptions": Spec("enum_list", LOT_EXCEPTIONS, required=False, default=()),
    "warrant": Spec("object", required=False, children=WARRANT_SPEC),
    "agreement_id": Spec("str", required=False),
    "attestations": Spec("attestations", required=False, default=None),
}
PROPERTY_ACCESS_SPEC: Final = {
    "date": Spec("date", required=False),
    "requester": Spec("enum", REQUESTERS),
    "property": Spec("object", required=False, children=PROPERTY_SPEC),
    "property_id": Spec("str", required=False),
    "area": Spec("enum", AREAS),
    "judicial_warrant": Spec("bool", required=False),
    "warrant": Spec("object", required=False, children=WARRANT_SPEC),
    "authorized_by_city_personnel": Spec("bool"),
    "emergency": Spec("bool"),
    "immigration_enforcement": Spec("bool", required=False, default=None),
    "attestations": Spec("attestations", required=False, default=None),
}
# A conviction, never a name or any identifier of the person (INTERFACES §2 `detainer` facts).
CONVICTION_SPEC: Final = {
    "category": Spec("enum", CONVICTION_CATEGORIES),
    "offense_code": Spec("str", required=False, help="e.g. PL 160.15"),
    "date_of_judgment": Spec("date"),
    "released_on": Spec("date", required=False, help="the day custody for this conviction ended; null if none"),
    "youthful_offender": Spec("bool"),
}
DETAINER_SPEC: Final = {
    "date": Spec("date", required=False),
    "agency": Spec("enum", DETAINER_AGENCIES),
    "request": Spec("enum", DETAINER_REQUESTS),
    "warrant": Spec("object", required=False, children=WARRANT_SPEC, help="omit when only a detainer was served"),
    "convictions": Spec("object_list", children=CONVICTION_SPEC),
    "arrest_date": Spec("date", required=False, help="the arrest that brought the person into custody"),
    "terrorist_screening_match": Spec("bool"),
}
SPECS: Final = {
    "lot-use": LOT_USE_SPEC,
    "property-access": PROPERTY_ACCESS_SPEC,
    "warrant": WARRANT_SPEC,
    "detainer": DETAINER_SPEC,
}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _type_name(value: Any) -> str:
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "array", dict: "object"}.get(
        type(value), "null" if value is None else type(value).__name__
    )


def _parse_value(spec: Spec, value: Any, path: str, partial: bool) -> Any:
    if spec.type == "bool":
        if not isinstance(value, bool):
            raise FactsError(f"must be true or false, not {_type_name(value)}", path)
        return value
    if spec.type == "enum":
        if not isinstance(value, str):
            raise FactsError(f"must be a string, not {_type_name(value)}", path)
        if value not in spec.values:
            raise FactsError(f"unknown value {value!r}; use one of: {', '.join(spec.values)}", path)
        return value
    if spec.type == "enum_list":
        if not isinstance(value, list):
            raise FactsError(f"must be an array, not {_type_name(value)}", path)
        out: list[str] = []
        for i, item in enumerate(value):
            item_path = f"{path}[{i}]"
            if not isinstance(item, str):
                raise FactsError(f"must be a string, not {_type_name(item)}", item_path)
            if item not in spec.values:
                raise FactsError(f"unknown value {item!r}; use one of: {', '.join(spec.values)}", item_path)
            if item not in out:
                out.append(item)
        return tuple(sorted(out, key=spec.values.index))
    if spec.type == "date":
        if not isinstance(value, str) or not _DATE.match(value):
            raise FactsError("must be a date written YYYY-MM-DD", path)
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise FactsError("is not a real calendar date", path) from None
    if spec.type == "str":
        if not isinstance(value, str) or not value.strip():
            raise FactsError(f"must be a non-empty string, not {_type_name(value)}", path)
        if len(value) > 100:
            raise FactsError("is too long (100 characters at most)", path)
        return value.strip()
    if spec.type == "object":
        return parse_object(spec.children, value, path, partial)
    if spec.type == "object_list":
        if not isinstance(value, list):
            raise FactsError(f"must be an array, not {_type_name(value)}", path)
        if len(value) > 50:
            raise FactsError("has too many entries (50 at most)", path)
        # Each entry is described whole, even in a partial request.
        return tuple(parse_object(spec.children, item, f"{path}[{i}]", False) for i, item in enumerate(value))
    if spec.type == "attestations":
        return _parse_attestations(value, path)
    raise AssertionError(f"unknown spec type {spec.type}")


def _parse_attestations(value: Any, path: str) -> dict[str, dict[str, str]]:
    if not isinstance(value, dict):
        raise FactsError(f"must be an object, not {_type_name(value)}", path)
    out: dict[str, dict[str, str]] = {}
    for key, entry in value.items():
        p = f"{path}.{key}"
        if key not in ATTESTED_FACTS:
            raise FactsError(f"only these facts are attested: {', '.join(ATTESTED_FACTS)}", p)
        if not isinstance(entry, dict) or set(entry) - {"by", "basis"}:
            raise FactsError('must be an object with "by" and "basis"', p)
        by, basis = entry.get("by", ""), entry.get("basis", "")
        if not isinstance(by, str) or not isinstance(basis, str) or len(by) > 200 or len(basis) > 1000:
            raise FactsError('"by" and "basis" must be short strings', p)
        out[key] = {"by": by, "basis": basis}
    return out


def parse_object(spec: dict[str, Spec], value: Any, path: str = "", partial: bool = False) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FactsError(f"must be an object, not {_type_name(value)}", path or "facts")
    for key in value:
        if key not in spec:
            raise FactsError(f"unknown field; known fields: {', '.join(spec)}", f"{path}.{key}" if path else key)
    out: dict[str, Any] = {}
    for name, s in spec.items():
        p = f"{path}.{name}" if path else name
        if name in value and value[name] is not None:
            out[name] = _parse_value(s, value[name], p, partial)
        elif name in value and value[name] is None and s.required:
            raise FactsError("must not be null", p)
        elif s.required:
            if not partial:
                raise FactsError("is missing", p)
            out[name] = UNKNOWN
        elif s.type in ("enum_list",) and partial and s.default == () and path == "" and name == "exceptions":
            # In a partial request an omitted exceptions list is not known to be empty.
            out[name] = UNKNOWN
        elif partial and path == "" and name == "immigration_enforcement":
            # Asked only where it changes the answer (Admin Code §10-178, read with §3 by EO 13 §4).
            out[name] = UNKNOWN
        else:
            out[name] = s.default
    return out


def require_one_of(facts: dict[str, Any], names: tuple[str, str], partial: bool, allow_both: bool = False) -> None:
    """One of two alternative fields (``property`` or ``property_id``; ``judicial_warrant`` or ``warrant``).

    Where both may be given (a claim and the document behind it), the engine compares them."""
    given = [n for n in names if facts.get(n) is not None and facts.get(n) is not UNKNOWN]
    if len(given) == 2 and not allow_both:
        raise FactsError(f'give "{names[0]}" or "{names[1]}", not both', names[1])
    if not given:
        if not partial:
            raise FactsError(f'is missing (or give "{names[1]}")', names[0])
        facts[names[0]] = UNKNOWN
