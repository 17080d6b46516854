"""Identifying information and the instruments outside agencies use to ask for it (EO 13 §6; Admin Code §23-1201).

Pure Python, no Django import. The register of requests (eo13.privacy) draws its categories, instruments and
decisions from here, so every choice a privacy officer makes carries the law behind it.

The category list follows the City's Identifying Information Law, Admin Code §23-1201 (issue 10): addresses,
contact information, social-media accounts, the date and time of release from ACS, DOC or NYPD custody, and
information from police surveillance systems are confirmed; court dates, appointment times and what the CPO
designates are not yet (``confirmed=False``). The law's list is open ("including but not limited to"), so a request
may record other identifying information with a short label (``other:<label>``).

The order's recitals single out two kinds of data the federal government has sought: data about immigrant
communities and data about gender-affirming medical care. Immigration status is a §23-1201 category; gender-affirming
care is not a category of its own (the law reaches it through gender identity and receipt of City services), so it
is a *sensitive subject* the register flags, never presented as a §23-1201 category.

Sending legal process to the Law Department is not a rule of EO 13 §6(2): the Corporation Counsel has charge of the
City's law business (NYC Charter §394), and routing subpoenas and orders there is City practice; it is cited so.
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
LAW_DEPARTMENT_PRACTICE = "NYC Charter §394 (City practice)"
OTHER_PREFIX = "other:"  # other identifying information, with a short label (the law's list is open)
OTHER_LABEL_MAX = 60


@dataclass(frozen=True)
class Category:
    """One kind of identifying information."""

    key: str
    label: str
    citations: tuple[str, ...]
    singled_out: bool = False
    why_flagged: str = ""
    confirmed: bool = True
    is_category: bool = True  # False for a sensitive subject the order names that is not a §23-1201 category


def _c(key: str, label: str, *, confirmed: bool = True) -> Category:
    return Category(key, label, (IDENTIFYING_INFORMATION_LAW,), confirmed=confirmed)


_FLAG_IMMIGRATION = "The order says the federal government has sought data about immigrant communities."
_FLAG_GENDER_CARE = "The order says the federal government has sought data about gender-affirming medical care."

CATEGORIES: tuple[Category, ...] = (
    _c("name", "Name"),
    _c("sexual_orientation", "Sexual orientation"),
    _c("gender_identity", "Gender identity"),
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
    _c("address_or_contact_details", "Address or contact information"),
    _c("social_media_accounts", "Social media accounts"),
    _c("release_date_from_custody", "Date or time of release from ACS, DOC or NYPD custody"),
    _c(
        "police_surveillance_information",
        "Information from a surveillance system run by, for, or at the direction of the NYPD",
    ),
    _c("court_dates", "Court dates", confirmed=False),
    _c("appointment_times", "Appointment times", confirmed=False),
    _c("designated_by_cpo", "Other information the Chief Privacy Officer designates", confirmed=False),
)

# Subjects the order's recitals name that are not §23-1201 categories of their own: flagged, recorded beside them.
SENSITIVE_SUBJECTS: tuple[Category, ...] = (
    Category(
        "gender_affirming_care",
        "Gender-affirming medical care (a sensitive subject the order names)",
        (ORDER_RECITALS,),
        singled_out=True,
        why_flagged=_FLAG_GENDER_CARE,
        is_category=False,
    ),
)

_BY_KEY = {c.key: c for c in (*CATEGORIES, *SENSITIVE_SUBJECTS)}
CATEGORY_KEYS: tuple[str, ...] = tuple(_BY_KEY)
SINGLED_OUT_KEYS: frozenset[str] = frozenset(c.key for c in _BY_KEY.values() if c.singled_out)


def other_label(key: str) -> str | None:
    """The label of an ``other:<label>`` entry, or None when ``key`` is not one (or its label is empty/too long)."""
    if not key.startswith(OTHER_PREFIX):
        return None
    label = " ".join(key[len(OTHER_PREFIX) :].split())
    return label if 0 < len(label) <= OTHER_LABEL_MAX else None


def category(key: str) -> Category:
    """The category with this key; KeyError names the unknown key. ``other:<label>`` is other identifying
    information (Admin Code §23-1201's list is open)."""
    label = other_label(key)
    if label is not None:
        return Category(key, f"Other identifying information: {label}", (IDENTIFYING_INFORMATION_LAW,))
    return _BY_KEY[key]


def unknown_categories(keys: list[str] | tuple[str, ...]) -> list[str]:
    return [k for k in keys if k not in _BY_KEY and other_label(k) is None]


def singled_out(keys: list[str] | tuple[str, ...]) -> list[Category]:
    """The categories and sensitive subjects among ``keys`` that the order singles out, in list order."""
    wanted = set(keys)
    return [c for c in _BY_KEY.values() if c.key in wanted and c.singled_out]


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
        (DISCLOSURE_RULES, LAW_DEPARTMENT_PRACTICE),
    ),
    InstrumentRule(
        Instrument.GRAND_JURY_SUBPOENA,
        "Grand jury subpoena",
        True,
        "Legal process from a grand jury. Send it to the Law Department before any answer.",
        (DISCLOSURE_RULES, LAW_DEPARTMENT_PRACTICE),
    ),
    InstrumentRule(
        Instrument.COURT_ORDER,
        "Court order",
        True,
        "An order signed by a judge. Send it to the Law Department before any answer.",
        (DISCLOSURE_RULES, LAW_DEPARTMENT_PRACTICE),
    ),
    InstrumentRule(
        Instrument.JUDICIAL_WARRANT,
        "Judicial warrant (signed by a judge or magistrate)",
        True,
        "Check that a judge signed it; forms I-200, I-205 and I-247A are not judicial warrants. "
        "Send it to the Law Department at once.",
        (JUDICIAL_WARRANT_DEFINITION, DISCLOSURE_RULES, LAW_DEPARTMENT_PRACTICE),
    ),
)

_INSTRUMENTS = {r.instrument.value: r for r in INSTRUMENTS}


def instrument_rule(value: str) -> InstrumentRule:
    return _INSTRUMENTS[value]


def needs_law_department(value: str) -> bool:
    """Legal process is referred to the Law Department before a decision: City practice under the Corporation
    Counsel's charge of the City's law business (NYC Charter §394), not a rule of EO 13 §6(2)."""
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
