"""Checking and reading one COLP CSV row (INTERFACES §5): every value the City's build writes is accepted, and a
truly broken row is refused with a reason. Pure Python, so the checks run fast over the whole file first."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from eo13.access.colp import BOROUGHS, OPTIONAL_COLUMNS, OWNERSHIP, REQUIRED_COLUMNS, parcel_facts
from eo13.scrub import scrub

# Ten digits, or the same written as numeric(19,8) by the Department of City Planning's SQL (1000010010.00000000).
_BBL = re.compile(r"^(\d{10})(?:\.0{1,8})?$")
_USECODE = re.compile(r"^\d{1,4}$")
CATEGORIES = ("", "1", "2", "3")  # empty for dispositions and final commitments
EXPANDCATS = ("", *"123456789")


# The columns the registry reads; the rest (GEOM, MAPBBL, XCOORD, ...) are ignored.
USED = (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)


def clean(row: dict[str, Any]) -> dict[str, str]:
    """The used columns of a CSV row, stripped ("" where a column is absent or empty)."""
    return {k: (row.get(k) or "").strip() for k in USED}


def check_row(g: dict[str, str]) -> str | None:
    """The reason a cleaned row (see :func:`clean`) cannot be imported, or None."""
    if not g["uid"]:
        return "uid is empty"
    if len(g["uid"]) > 64:
        return "uid is longer than 64 characters"
    m = _BBL.match(g["BBL"])
    if not m:
        return f"BBL {g['BBL']!r} is not ten digits (or ten digits with a zero decimal part)"
    if g["BOROUGH"] not in BOROUGHS:
        return f"BOROUGH {g['BOROUGH']!r} is not 1 to 5"
    if m.group(1)[0] != g["BOROUGH"]:
        return "BBL does not start with the BOROUGH code"
    for col in ("BLOCK", "LOT"):
        if not g[col].isdigit():
            return f"{col} {g[col]!r} is not a whole number"
    if g["USECODE"] and not _USECODE.match(g["USECODE"]):
        return f"USECODE {g['USECODE']!r} is not a number of up to four digits"
    if g["OWNERSHIP"] not in OWNERSHIP:
        return f"OWNERSHIP {g['OWNERSHIP']!r} is not one of C, M, P, O"
    if g["CATEGORY"] not in CATEGORIES:
        return f"CATEGORY {g['CATEGORY']!r} is not 1, 2, 3 or empty"
    if g["EXPANDCAT"] not in EXPANDCATS:
        return f"EXPANDCAT {g['EXPANDCAT']!r} is not 1 to 9 or empty"
    if g["LEASED"] not in ("", "L"):
        return f"LEASED {g['LEASED']!r} is not L or empty"
    if g["AGREEMENT"] not in ("", "S", "L", "M"):
        return f"AGREEMENT {g['AGREEMENT']!r} is not S, L, M or empty"
    return None


@lru_cache(maxsize=65536)
def _place_text(text: str) -> str:
    # Property records describe places, not people: keep street addresses, remove any other identifier.
    return scrub(text, keep=("street_address",)).text[:200]


def _float(value: str) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def row_values(g: dict[str, str], agencies: dict[str, int]) -> dict[str, Any]:
    """The registry's columns for one checked, cleaned row, with the §1(1)/§1(2) facts derived from its codes."""
    bbl = g["BBL"][:10]
    use_code = g["USECODE"].zfill(4) if g["USECODE"] else ""
    facts = parcel_facts(
        ownership=g["OWNERSHIP"],
        leased=g["LEASED"],
        category=g["CATEGORY"],
        expandcat=g["EXPANDCAT"],
        agreement=g["AGREEMENT"],
        use_type=g["USETYPE"],
        agency=g["AGENCY"],
        finalcom=g["FINALCOM"],
        use_code=use_code,
    )
    address, name = _place_text(g["ADDRESS"]), _place_text(g["PARCELNAME"])
    is_lot_kind = facts.kind in ("vacant_lot", "parking_lot", "garage")
    return {
        "uid": g["uid"],
        "bbl": bbl,
        "borough": int(g["BOROUGH"]),
        "block": int(g["BLOCK"]),
        "lot": int(g["LOT"]),
        "address": address,
        "parcel_name": name,
        "agency_abbreviation": g["AGENCY"][:20],
        "managing_agency_id": agencies.get(g["AGENCY"].upper()),
        "use_code": use_code,
        "use_type": g["USETYPE"][:120],
        "ownership": g["OWNERSHIP"],
        "category": g["CATEGORY"],
        "expandcat": g["EXPANDCAT"],
        "leased": g["LEASED"],
        "agreement": g["AGREEMENT"],
        "latitude": _float(g["LATITUDE"]),
        "longitude": _float(g["LONGITUDE"]),
        "kind": facts.kind,
        "city_owned_or_leased": facts.city_owned_or_leased,
        "city_operational_control": facts.city_operational_control,
        "city_governmental_purpose": facts.city_governmental_purpose,
        "is_city_property": facts.city_owned_or_leased
        and facts.city_operational_control
        and facts.city_governmental_purpose,
        "is_city_lot": is_lot_kind and facts.city_owned_or_leased and facts.city_operational_control,
        "basis": facts.basis[:400],
        "uncertain": facts.uncertain,
        "doubt": facts.doubt[:300],
        "search_text": f"{address} | {name} | {bbl}".upper()[:420],
    }
