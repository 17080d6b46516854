"""Importing the City property registry from a COLP CSV: all or nothing (INTERFACES §5).

Every row is checked first; any bad row means nothing changes, and each bad row is reported with its line number.
Re-importing updates records in place by their COLP ``uid``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from eo13.access.colp import BOROUGHS, OWNERSHIP, REQUIRED_COLUMNS, parcel_facts
from eo13.access.models import CityProperty
from eo13.agencies.models import Agency
from eo13.audit.services import audit_record
from eo13.scrub import scrub
from eo13.spreadsheet import csv_problem

UPDATE_FIELDS = [
    "bbl", "borough", "block", "lot", "address", "parcel_name", "agency_abbreviation", "managing_agency",
    "use_code", "use_type", "ownership", "category", "expandcat", "leased", "agreement", "latitude", "longitude",
    "kind", "city_owned_or_leased", "city_operational_control", "city_governmental_purpose", "is_city_property",
    "is_city_lot", "basis", "uncertain", "search_text",
]  # fmt: skip
_BBL = re.compile(r"^\d{10}$")
MAX_ROWS = 200_000


@dataclass
class ImportResult:
    created: int
    updated: int
    errors: list[tuple[int, str]]
    sha256: str


def _float(value: str) -> float | None:
    try:
        return float(value) if value.strip() else None
    except ValueError:
        return None


def _row_to_property(row: dict[str, str], agencies: dict[str, int]) -> CityProperty:
    get = {k: (v or "").strip() for k, v in row.items() if k}
    facts = parcel_facts(
        ownership=get["OWNERSHIP"],
        leased=get["LEASED"],
        category=get["CATEGORY"],
        expandcat=get["EXPANDCAT"],
        agreement=get["AGREEMENT"],
        use_type=get["USETYPE"],
    )
    # Property records describe places, not people: keep street addresses, remove any other identifier.
    address = scrub(get["ADDRESS"], keep=("street_address",)).text[:200]
    name = scrub(get["PARCELNAME"], keep=("street_address",)).text[:200]
    city_property = facts.city_owned_or_leased and facts.city_operational_control and facts.city_governmental_purpose
    city_lot = (
        facts.kind in ("vacant_lot", "parking_lot", "garage")
        and facts.city_owned_or_leased
        and facts.city_operational_control
    )
    return CityProperty(
        uid=get["uid"],
        bbl=get["BBL"],
        borough=int(get["BOROUGH"]),
        block=int(get["BLOCK"]),
        lot=int(get["LOT"]),
        address=address,
        parcel_name=name,
        agency_abbreviation=get["AGENCY"][:20],
        managing_agency_id=agencies.get(get["AGENCY"].upper()),
        use_code=get["USECODE"][:10],
        use_type=get["USETYPE"][:120],
        ownership=get["OWNERSHIP"],
        category=get["CATEGORY"],
        expandcat=get["EXPANDCAT"],
        leased=get["LEASED"],
        agreement=get["AGREEMENT"],
        latitude=_float(get.get("LATITUDE", "")),
        longitude=_float(get.get("LONGITUDE", "")),
        kind=facts.kind,
        city_owned_or_leased=facts.city_owned_or_leased,
        city_operational_control=facts.city_operational_control,
        city_governmental_purpose=facts.city_governmental_purpose,
        is_city_property=city_property,
        is_city_lot=city_lot,
        basis=facts.basis[:400],
        uncertain=facts.uncertain,
        search_text=f"{address} | {name} | {get['BBL']}".upper()[:420],
    )


def _check_row(row: dict[str, str]) -> str | None:
    g = {k: (v or "").strip() for k, v in row.items() if k}
    if not g["uid"]:
        return "uid is empty"
    if len(g["uid"]) > 64:
        return "uid is longer than 64 characters"
    if not _BBL.match(g["BBL"]):
        return f"BBL {g['BBL']!r} is not ten digits"
    if g["BOROUGH"] not in BOROUGHS:
        return f"BOROUGH {g['BOROUGH']!r} is not 1 to 5"
    if g["BBL"][0] != g["BOROUGH"]:
        return "BBL does not start with the BOROUGH code"
    for col in ("BLOCK", "LOT"):
        if not g[col].isdigit():
            return f"{col} {g[col]!r} is not a whole number"
    if g["OWNERSHIP"] not in OWNERSHIP:
        return f"OWNERSHIP {g['OWNERSHIP']!r} is not one of C, M, P, O"
    if g["CATEGORY"] not in ("1", "2", "3"):
        return f"CATEGORY {g['CATEGORY']!r} is not 1, 2 or 3"
    if g["EXPANDCAT"] not in tuple("123456789"):
        return f"EXPANDCAT {g['EXPANDCAT']!r} is not 1 to 9"
    if g["LEASED"] not in ("", "L"):
        return f"LEASED {g['LEASED']!r} is not L or empty"
    if g["AGREEMENT"] not in ("", "S", "L", "M"):
        return f"AGREEMENT {g['AGREEMENT']!r} is not S, L, M or empty"
    return None


def import_properties(
    data: bytes, *, actor: Any, progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None
) -> ImportResult:
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ImportResult(0, 0, [(1, "the file is not UTF-8 text")], digest)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fieldnames = reader.fieldnames or []
    except csv.Error as exc:
        return ImportResult(0, 0, [(reader.line_num or 1, csv_problem(exc))], digest)
    missing = [c for c in REQUIRED_COLUMNS if c not in fieldnames]
    if missing:
        return ImportResult(0, 0, [(1, f"missing columns: {', '.join(missing)}")], digest)
    errors: list[tuple[int, str]] = []
    rows: list[dict[str, str]] = []
    try:
        _check_rows(reader, progress, rows, errors)
    except csv.Error as exc:  # a field over the csv module's limit, a NUL byte: name the line, import nothing
        errors.append((reader.line_num + 1, csv_problem(exc)))  # the line being read when it failed
    if errors:
        return ImportResult(0, 0, errors, digest)
    return _save(rows, digest=digest, actor=actor)


def _check_rows(
    reader: csv.DictReader[str],
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None,
    rows: list[dict[str, str]],
    errors: list[tuple[int, str]],
) -> None:
    seen: dict[str, int] = {}
    for row in progress(reader) if progress else reader:
        line = reader.line_num
        if None in row:
            errors.append((line, "the row has more fields than the header"))
            continue
        if len(rows) >= MAX_ROWS:
            errors.append((line, f"the file has more than {MAX_ROWS} rows"))
            break
        problem = _check_row(row)
        if problem is None and row["uid"].strip() in seen:
            problem = f"uid {row['uid'].strip()!r} repeats line {seen[row['uid'].strip()]}"
        if problem:
            errors.append((line, problem))
            continue
        seen[row["uid"].strip()] = line
        rows.append(row)


def _save(rows: list[dict[str, str]], *, digest: str, actor: Any) -> ImportResult:
    agencies = dict(Agency.objects.values_list("code", "id"))
    objs = [_row_to_property(r, agencies) for r in rows]
    # Read and prepare before the transaction; inside it only the bulk upsert runs, so SQLite's write lock is held
    # briefly (issue 9, Medium 7). The counts are for the report; the upsert itself is keyed by uid.
    uids = [o.uid for o in objs]
    existing: set[str] = set()
    for start in range(0, len(uids), 900):  # SQLite allows a limited number of parameters per query
        chunk = uids[start : start + 900]
        existing.update(CityProperty.objects.filter(uid__in=chunk).values_list("uid", flat=True))
    with transaction.atomic():
        CityProperty.objects.bulk_create(
            objs, batch_size=2000, update_conflicts=True, unique_fields=["uid"], update_fields=UPDATE_FIELDS
        )
        created, updated = len(objs) - len(existing), len(existing)
        audit_record(
            actor=actor,
            action="properties.import",
            model="access.CityProperty",
            changes={"file_sha256": {"new": digest}, "created": {"new": created}, "updated": {"new": updated}},
        )
    return ImportResult(created, updated, [], digest)
