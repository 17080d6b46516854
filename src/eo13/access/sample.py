"""A fictional COLP-shaped sample: the real file's columns and codes, made-up streets and parcels.

Used for the demo, the tests and the benchmarks (17,000 rows like the real file). Deterministic for a seed.
Like the Department of City Planning's own build (issue 10), some rows write BBL and MAPBBL as numeric(19,8)
decimals, some are dispositions with no category (FINALCOM D, use code 16xx), some sit on land run by NYC
Health + Hospitals or NYCHA, and every row has a GEOM column (a made-up square around its point).
"""

from __future__ import annotations

import io
import random

from eo13 import spreadsheet

COLUMNS = (
    "uid", "BOROUGH", "BLOCK", "LOT", "BBL", "MAPBBL", "CD", "HNUM", "SNAME", "ADDRESS", "PARCELNAME", "AGENCY",
    "USECODE", "USETYPE", "OWNERSHIP", "CATEGORY", "EXPANDCAT", "EXCATDESC", "LEASED", "FINALCOM", "AGREEMENT",
    "XCOORD", "YCOORD", "LATITUDE", "LONGITUDE", "DCPEDITED", "GEOM",
)  # fmt: skip
STREETS = (
    "EXAMPLE AVENUE", "SAMPLE STREET", "DEMO PLACE", "PRACTICE BOULEVARD", "MODEL ROAD", "FICTION LANE",
    "PRETEND PARKWAY", "MAKEBELIEVE COURT", "PLACEHOLDER DRIVE", "TESTING TERRACE",
)  # fmt: skip
# (use code, use type, category, expandcat, agency, weight)
USES = (
    ("1410", "OUTDOOR PARKING - AGENCY VEHICLES", "1", "7", "DCAS", 8),
    ("1411", "OUTDOOR PARKING - EMPLOYEES", "1", "7", "DSNY", 5),
    ("1412", "OUTDOOR PARKING - CLIENTS", "1", "5", "DHS", 3),
    ("1413", "OUTDOOR PARKING - TOW POUND", "1", "4", "NYPD", 2),
    ("1420", "MUNICIPAL PARKING - OUTDOOR PUBLIC", "1", "7", "DOT", 6),
    ("1421", "MUNICIPAL PARKING - INDOOR PUBLIC", "1", "7", "DOT", 3),
    ("1430", "INDOOR PARKING GARAGE", "1", "7", "DCAS", 4),
    ("1440", "TRANSPORTATION/PUBLIC PARKING FACILITY", "1", "7", "DOT", 2),
    ("1900", "NO USE-VACANT LAND", "3", "8", "DCAS", 10),
    ("0100", "OFFICE", "1", "1", "DCAS", 10),
    ("0200", "SCHOOL", "1", "2", "DOE", 8),
    ("0510", "SHELTER - FAMILIES", "1", "5", "DHS", 5),
    ("0520", "HEALTH CENTER", "1", "5", "DOHMH", 4),
    ("0530", "CHILD CARE CENTER", "1", "5", "ACS", 3),
    ("0410", "POLICE STATION", "1", "4", "NYPD", 3),
    ("0420", "DETENTION FACILITY", "1", "4", "DOC", 2),
    ("0430", "PROBATION OFFICE", "1", "4", "DOP", 2),
    ("0310", "PARK", "1", "3", "DPR", 5),
    ("0320", "PLAYGROUND", "1", "3", "DPR", 3),
    ("0600", "LEASED TO PRIVATE TENANT - RETAIL", "1", "6", "DCAS", 3),
    ("0900", "RESIDENTIAL", "2", "9", "HPD", 3),
)  # fmt: skip
CENTERS = {1: (40.78, -73.97), 2: (40.84, -73.88), 3: (40.65, -73.95), 4: (40.72, -73.80), 5: (40.58, -74.15)}


def generate_rows(n: int, seed: int = 13) -> list[dict[str, str]]:
    rng = random.Random(seed)  # noqa: S311  (fictional sample data, not security)
    weights = [u[5] for u in USES]
    rows: list[dict[str, str]] = []
    bbls: list[tuple[int, int, int]] = []
    for i in range(n):
        # About one record in twelve is a second use of a tax lot already listed (COLP lists a lot once per use).
        if bbls and rng.random() < 0.08:
            boro, block, lot = rng.choice(bbls)
        else:
            boro, block, lot = rng.randint(1, 5), rng.randint(1, 16000), rng.randint(1, 200)
            bbls.append((boro, block, lot))
        code, use_type, category, expandcat, agency, _ = rng.choices(USES, weights)[0]
        ownership = rng.choices("CMPO", [85, 4, 8, 3])[0]
        leased = "L" if ownership in "PO" and rng.random() < 0.8 else ""
        agreement = rng.choice("SLM") if expandcat == "6" else ("S" if rng.random() < 0.02 else "")
        hnum = str(rng.randint(1, 2400))
        street = rng.choice(STREETS)
        lat, lon = CENTERS[boro]
        rows.append(
            {
                "uid": f"demo{seed:02d}{i:06d}",
                "BOROUGH": str(boro),
                "BLOCK": str(block),
                "LOT": str(lot),
                "BBL": f"{boro}{block:05d}{lot:04d}",
                "MAPBBL": f"{boro}{block:05d}{lot:04d}",
                "CD": f"{boro}{rng.randint(1, 18):02d}",
                "HNUM": hnum,
                "SNAME": street,
                "ADDRESS": f"{hnum} {street}",
                "PARCELNAME": f"DEMO {use_type.split(' - ')[0]} {i % 97 + 1}",
                "AGENCY": agency,
                "USECODE": code,
                "USETYPE": use_type,
                "OWNERSHIP": ownership,
                "CATEGORY": category,
                "EXPANDCAT": expandcat,
                "EXCATDESC": "",
                "LEASED": leased,
                "FINALCOM": "",
                "AGREEMENT": agreement,
                "XCOORD": "",
                "YCOORD": "",
                "LATITUDE": f"{lat + rng.uniform(-0.05, 0.05):.6f}",
                "LONGITUDE": f"{lon + rng.uniform(-0.05, 0.05):.6f}",
                "DCPEDITED": "",
            }
        )
    for i, row in enumerate(rows):
        _as_the_city_builds_it(i, row)
    return rows


def _as_the_city_builds_it(i: int, row: dict[str, str]) -> None:
    """Deterministic variations the City's build writes (the random draws above stay as they were)."""
    if i % 3 == 2:
        row["BBL"] = row["MAPBBL"] = row["BBL"] + ".00000000"
    if i % 40 == 39:
        row.update(USECODE="1610", USETYPE="DISPOSITION - FINAL COMMITMENT", CATEGORY="", EXPANDCAT="", FINALCOM="D")
    elif i % 45 == 22:
        row.update(AGENCY="HHC", USECODE="1415", USETYPE="OUTDOOR PARKING - CLIENTS", CATEGORY="1", EXPANDCAT="5")
    elif i % 45 == 44:
        row.update(AGENCY="NYCHA", USECODE="1430", USETYPE="INDOOR PARKING GARAGE", CATEGORY="1", EXPANDCAT="7")
    lat, lon = float(row["LATITUDE"]), float(row["LONGITUDE"])
    d = 0.0002
    ring = ", ".join(f"{x:.6f} {y:.6f}" for x, y in ((lon, lat), (lon + d, lat), (lon + d, lat + d), (lon, lat)))
    row["GEOM"] = f"MULTIPOLYGON ((({ring})))"


def to_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = spreadsheet.dict_writer(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
