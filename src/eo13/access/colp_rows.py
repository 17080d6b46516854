"""Checking and reading one COLP CSV row (INTERFACES §5): every value the City's build writes is accepted, and a
truly broken row is refused with a reason. Pure Python, so the checks run fast over the whole file first."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from eo13.access.colp import BOROUGHS, OPTIONAL_COLUMNS, OWNERSHIP, REQUIRED_COLUMNS, ParcelFacts, parcel_facts
from eo13.scrub import scrub
from eo13.scrub.batch import scrub_many

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


# Property records describe places, not people: keep street addresses, remove any other identifier.
_PLACE_KEEP = ("street_address",)
_PLACES: dict[str, str] = {}  # text -> scrubbed text, filled a file at a time by prepare_place_texts


def prepare_place_texts(texts: Iterable[str]) -> None:
    """Scrub a file's addresses and parcel names at once (``eo13.scrub.batch``: one pass per shape over many
    texts instead of one call per text, issue 14)."""
    if len(_PLACES) > 65_536:
        _PLACES.clear()
    todo = list({t for t in texts if t not in _PLACES})
    for text, cleaned in zip(todo, scrub_many(todo, keep=_PLACE_KEEP), strict=True):
        _PLACES[text] = cleaned.text[:200]


def _place_text(text: str) -> str:
    if text not in _PLACES:
        _PLACES[text] = scrub(text, keep=_PLACE_KEEP).text[:200]
    return _PLACES[text]


def _float(value: str) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


@lru_cache(maxsize=65_536)
def _facts(*codes: str) -> ParcelFacts:
    """parcel_facts for one combination of codes, worked out once: a file of 17,000 rows has far fewer (issue 14)."""
    names = ("ownership", "leased", "category", "expandcat", "agreement", "use_type", "agency", "finalcom", "use_code")
    return parcel_facts(**dict(zip(names, codes, strict=True)))


def row_values(g: dict[str, str], agencies: dict[str, int]) -> dict[str, Any]:
    """The registry's columns for one checked, cleaned row, with the §1(1)/§1(2) facts derived from its codes."""
    bbl = g["BBL"][:10]
    use_code = g["USECODE"].zfill(4) if g["USECODE"] else ""
    facts = _facts(
        g["OWNERSHIP"], g["LEASED"], g["CATEGORY"], g["EXPANDCAT"], g["AGREEMENT"], g["USETYPE"], g["AGENCY"],
        g["FINALCOM"], use_code,
    )  # fmt: skip
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
