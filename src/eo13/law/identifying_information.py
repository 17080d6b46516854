"""Identifying information and the instruments outside agencies use to ask for it (EO 13 §6; Admin Code §23-1201).

Pure Python, no Django import. The register of requests (eo13.privacy) draws its categories, instruments and
decisions from here, so every choice a privacy officer makes carries the law behind it.

The category list follows the City's Identifying Information Law, Admin Code §23-1201. Entries after
``employer_information`` were not confirmed against the full text when this was written (see DATA.md); they are
marked ``confirmed=False`` so screens can say so. The order's recitals single out two kinds of data the federal
government has sought: data about immigrant communities and data about gender-affirming medical care. Those are
``singled_out`` so the register flags them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

IDENTIFYING_INFORMATION_LAW = "Admin Code §23-1201"
DISCLOSURE_RULES = "Admin Code §23-1202"
BIENNIAL_REPORT = "Admin Code §23-1205"
ORDER_RECITALS = "EO 13 recitals"
JUDICIAL_WARRANT_DEFINITION = "EO 13 §1(6)"
CPO_PROTOCOLS = "EO 13 §6(2)"


@dataclass(frozen=True)
class Category:
    """One kind of identifying information."""

    key: str
    label: str
    citations: tuple[str, ...]
    singled_out: bool = False
    why_flagged: str = ""
    confirmed: bool = True


def _c(key: str, label: str, *, confirmed: bool = True) -> Category:
    return Category(key, label, (IDENTIFYING_INFORMATION_LAW,), confirmed=confirmed)


_FLAG_IMMIGRATION = "The order says the federal government has sought data about immigrant communities."
_FLAG_GENDER_CARE = "The order says the federal government has sought data about gender-affirming medical care."

CATEGORIES: tuple[Category, ...] = (
    _c("name", "Name"),
    _c("sexual_orientation", "Sexual orientation"),
    _c("gender_identity", "Gender identity"),
    Category(
        "gender_affirming_care",
        "Gender-affirming medical care",
        # Covered by the law as receipt of City services and gender identity; named in the order's recitals.
        (IDENTIFYING_INFORMATION_LAW, ORDER_RECITALS),
        singled_out=True,
        why_flagged=_FLAG_GENDER_CARE,
    ),
    _c("race", "Race"),
    _c("marital_or_partnership_status", "Marital or partnership status"),
    _c("domestic_violence_or_sexual_assault_victim", "Status as a victim of domestic violence or sexual assault"),
    _c("crime_victim_or_witness", "Status as a crime victim or witness"),
    Category(
        "citizenship_or_immigration_status",
        "Citizenship or immigration status",
        (IDENTIFYING_INFORMATION_LAW, ORDER_RECITALS),
        singled_out=True,
        why_flagged=_FLAG_IMMIGRATION,
    ),
    _c("public_assistance_or_city_services", "Eligibility for or receipt of public assistance or City services"),
    _c("income_tax_information", "Income tax information"),
    _c("motor_vehicle_information", "Motor vehicle information or license plate number"),
    _c("biometrics", "Biometrics"),
    _c("height", "Height"),
    _c("weight", "Weight"),
    _c("languages_spoken", "Languages spoken"),
    _c("religion", "Religion"),
    _c("nationality", "Nationality"),
    _c("country_of_origin", "Country of origin"),
    _c("place_of_birth", "Place of birth"),
    _c("arrest_record_or_conviction", "Arrest record or criminal conviction"),
    _c("employment_status", "Employment status"),
    _c("employer_information", "Employer information"),
    _c("address_or_contact_details", "Address or contact details", confirmed=False),
    _c("social_media_accounts", "Social media accounts", confirmed=False),
    _c("release_date_from_custody", "Date of release from custody", confirmed=False),
    _c("court_dates", "Court dates", confirmed=False),
    _c("appointment_times", "Appointment times", confirmed=False),
    _c("designated_by_cpo", "Other information the Chief Privacy Officer designates", confirmed=False),
)

_BY_KEY = {c.key: c for c in CATEGORIES}
CATEGORY_KEYS: tuple[str, ...] = tuple(_BY_KEY)
SINGLED_OUT_KEYS: frozenset[str] = frozenset(c.key for c in CATEGORIES if c.singled_out)


def category(key: str) -> Category:
    """The category with this key; KeyError names the unknown key."""
    return _BY_KEY[key]


def unknown_categories(keys: list[str] | tuple[str, ...]) -> list[str]:
    return [k for k in keys if k not in _BY_KEY]


def singled_out(keys: list[str] | tuple[str, ...]) -> list[Category]:
    """The categories among ``keys`` that the order singles out, in list order."""
    wanted = set(keys)
    return [c for c in CATEGORIES if c.key in wanted and c.singled_out]


class Instrument(StrEnum):
    """How an outside agency asked. Legal process (all but an informal request) goes to the Law Department."""

    INFORMAL_REQUEST = "informal_request"
    ADMINISTRATIVE_SUBPOENA = "administrative_subpoena"
    GRAND_JURY_SUBPOENA = "grand_jury_subpoena"
    COURT_ORDER = "court_order"
    JUDICIAL_WARRANT = "judicial_warrant"


@dataclass(frozen=True)
class InstrumentRule:
    instrument: Instrument
    label: str
    is_legal_process: bool
    explanation: str
    citations: tuple[str, ...]


INSTRUMENTS: tuple[InstrumentRule, ...] = (
    InstrumentRule(
        Instrument.INFORMAL_REQUEST,
        "Informal request (letter, e-mail, call or visit)",
        False,
        "No law makes the City answer an informal request. Disclose nothing the law does not require.",
        (DISCLOSURE_RULES, ORDER_RECITALS),
    ),
    InstrumentRule(
        Instrument.ADMINISTRATIVE_SUBPOENA,
        "Administrative subpoena (signed by an agency official, not a judge)",
        True,
        "Signed by an agency, not a court. Send it to the Law Department before any answer.",
        (DISCLOSURE_RULES, CPO_PROTOCOLS),
    ),
    InstrumentRule(
        Instrument.GRAND_JURY_SUBPOENA,
        "Grand jury subpoena",
        True,
        "Legal process from a grand jury. Send it to the Law Department before any answer.",
        (DISCLOSURE_RULES, CPO_PROTOCOLS),
    ),
    InstrumentRule(
        Instrument.COURT_ORDER,
        "Court order",
        True,
        "An order signed by a judge. Send it to the Law Department before any answer.",
        (DISCLOSURE_RULES, CPO_PROTOCOLS),
    ),
    InstrumentRule(
        Instrument.JUDICIAL_WARRANT,
        "Judicial warrant (signed by a judge or magistrate)",
        True,
        "Check that a judge signed it; forms I-200, I-205 and I-247A are not judicial warrants. "
        "Send it to the Law Department at once.",
        (JUDICIAL_WARRANT_DEFINITION, DISCLOSURE_RULES, CPO_PROTOCOLS),
    ),
)

_INSTRUMENTS = {r.instrument.value: r for r in INSTRUMENTS}


def instrument_rule(value: str) -> InstrumentRule:
    return _INSTRUMENTS[value]


def needs_law_department(value: str) -> bool:
    """Legal process must be referred to the Law Department before a decision (EO 13 §6(2) protocols)."""
    return instrument_rule(value).is_legal_process


class Decision(StrEnum):
    """What the agency decided to do with a request."""

    DISCLOSE_REQUIRED = "disclose_required"
    PARTIAL = "partial"
    DECLINE = "decline"


DECISION_LABELS: dict[str, str] = {
    Decision.DISCLOSE_REQUIRED.value: "Disclose only what the law requires",
    Decision.PARTIAL.value: "Disclose part",
    Decision.DECLINE.value: "Decline",
}

DECISION_CITATIONS: tuple[str, ...] = (DISCLOSURE_RULES, CPO_PROTOCOLS)


def decision_allows_disclosure(value: str) -> bool:
    return value in (Decision.DISCLOSE_REQUIRED.value, Decision.PARTIAL.value)
