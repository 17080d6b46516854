"""Builders for decision facts used across the law tests."""

from typing import Any

LOT = {"kind": "parking_lot", "city_owned_or_leased": True, "city_operational_control": True}


def lot_use(**over: Any) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "date": "2026-03-01",
        "personnel": {"employer": "federal", "enforces_laws": True},
        "property": dict(LOT),
        "use": "staging_area",
        "law_enforcement_purpose": True,
        "exceptions": [],
    }
    facts.update(over)
    return facts


def property_access(**over: Any) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "date": "2026-03-01",
        "requester": "non_local_law_enforcement",
        "property": {
            "kind": "building",
            "city_owned_or_leased": True,
            "city_operational_control": True,
            "city_governmental_purpose": True,
        },
        "area": "non_public",
        "judicial_warrant": False,
        "authorized_by_city_personnel": False,
        "emergency": False,
    }
    facts.update(over)
    return facts
