"""The defined terms of EO 13 §1 as predicates. Each returns (answer, plain-language reason, citation)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from eo13.law.citations import (
    S1_CITY_LOT,
    S1_CITY_PROPERTY,
    S1_CONTRACTOR,
    S1_HUMAN_SERVICES,
    S1_JUDICIAL_WARRANT,
)

LOT_KINDS = frozenset({"vacant_lot", "parking_lot", "garage"})
JUDICIAL_ISSUERS = frozenset({"article_iii_judge", "federal_magistrate_judge", "new_york_state_court"})
DHS_FORMS = frozenset({"I-200", "I-205", "I-247A"})
# The kinds of service EO 13 §1(4) lists, as keys (alphabetical).
HUMAN_SERVICES = frozenset(
    {
        "day_care",
        "employment_assistance",
        "foster_care",
        "health_or_medical_services",
        "home_care",
        "homeless_assistance",
        "housing_and_shelter_assistance",
        "legal_services",
        "preventive_services",
        "recreation_programs",
        "senior_centers",
        "vocational_and_educational_programs",
        "youth_services",
    }
)


class Finding(NamedTuple):
    holds: bool
    text: str
    citation: str


NOT_A_LOT = Finding(
    False, "This place is not a vacant lot, parking lot or garage, so it is not a City lot.", S1_CITY_LOT
)
LOT_NOT_CITY_OWNED = Finding(False, "The City does not own or lease this lot, so it is not a City lot.", S1_CITY_LOT)
LOT_NOT_CITY_RUN = Finding(
    False, "The City does not run (have operational control of) this lot, so it is not a City lot.", S1_CITY_LOT
)
CITY_LOT = Finding(True, "This is a City lot: a lot or garage the City owns or leases and runs.", S1_CITY_LOT)
LOT_FINDINGS = (NOT_A_LOT, LOT_NOT_CITY_OWNED, LOT_NOT_CITY_RUN, CITY_LOT)


def city_lot(prop: Mapping[str, Any]) -> Finding:
    """§1(1): a vacant lot, parking lot or garage the City owns or leases and runs."""
    if prop["kind"] not in LOT_KINDS:
        return NOT_A_LOT
    if not prop["city_owned_or_leased"]:
        return LOT_NOT_CITY_OWNED
    if not prop["city_operational_control"]:
        return LOT_NOT_CITY_RUN
    return CITY_LOT


def city_property(prop: Mapping[str, Any]) -> Finding:
    """§1(2): real property the City owns or leases, used for a City purpose, under City operational control."""
    if not prop["city_owned_or_leased"]:
        return Finding(
            False, "The City does not own or lease this place, so it is not City property.", S1_CITY_PROPERTY
        )
    if prop.get("city_governmental_purpose") is False:
        return Finding(
            False, "This place does not serve a City government purpose, so it is not City property.", S1_CITY_PROPERTY
        )
    if not prop["city_operational_control"]:
        return Finding(
            False,
            "The City does not run (have operational control of) this place, so it is not City property.",
            S1_CITY_PROPERTY,
        )
    if prop.get("city_governmental_purpose") is None:
        # Never assumed (issue 10): the caller decides what an unsettled purpose means for its answer.
        return Finding(
            False,
            "The City owns or leases this place and runs it, but no one said whether it is used for City work.",
            S1_CITY_PROPERTY,
        )
    return Finding(
        True, "This is City property: the City owns or leases it, uses it for City work, and runs it.", S1_CITY_PROPERTY
    )


def contractor(has_city_agency_contract: bool) -> Finding:
    """§1(3): a person awarded a contract by a City agency."""
    if has_city_agency_contract:
        return Finding(True, "A person or business with a contract from a City agency is a contractor.", S1_CONTRACTOR)
    return Finding(
        False, "Without a contract from a City agency, this is not a contractor under the order.", S1_CONTRACTOR
    )


def human_services(services: Iterable[str]) -> Finding:
    """§1(4): services to third parties such as shelter, care, health, legal, job and recreation programs."""
    found = sorted(set(services) & HUMAN_SERVICES)
    if found:
        return Finding(
            True, "These are human services: " + ", ".join(s.replace("_", " ") for s in found) + ".", S1_HUMAN_SERVICES
        )
    return Finding(False, "None of these are human services as the order lists them.", S1_HUMAN_SERVICES)


# §1(5) "immigration enforcement" is not a predicate here: the person at the door cannot know which provision of
# the INA an officer enforces, so it enters as the `immigration_enforcement` fact (what the officers said), read by
# `law.other_laws.apply_10_178` with Admin Code §10-178 (issue 11 point 10: one place, used by the product).


def judicial_warrant_issuer(issued_by: str) -> Finding:
    """§1(6): only an Article III judge, a federal magistrate judge or a New York State court issues one."""
    if issued_by in JUDICIAL_ISSUERS:
        who = {
            "article_iii_judge": "a federal judge (Article III)",
            "federal_magistrate_judge": "a federal magistrate judge",
            "new_york_state_court": "a New York State court",
        }[issued_by]
        return Finding(True, f"It was issued by {who}.", S1_JUDICIAL_WARRANT)
    why = {
        "immigration_officer": (
            "An immigration officer is not a judge. Papers they sign are administrative, not judicial."
        ),
        "immigration_judge": (
            "An immigration judge works for the Department of Justice, not a court named in the order."
        ),
        "bankruptcy_judge": "A bankruptcy judge is not one of the judges the order names.",
        "other_state_court": "Only New York State courts count. A court of another state does not.",
        "court_clerk": "A court clerk is not a judge. A paper signed only by a clerk is not a judicial warrant.",
        "other": "The person who signed it is not one of the judges or courts the order names.",
    }[issued_by]
    return Finding(False, why, S1_JUDICIAL_WARRANT)
