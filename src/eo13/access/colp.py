"""Reading the City Owned and Leased Property (COLP) layout into the facts EO 13 §1(1) and §1(2) need.

Pure Python. The codes are the Department of City Planning's (see shared/docs/DATA.md): OWNERSHIP C/M/P/O,
LEASED L, CATEGORY 1-3, EXPANDCAT 1-9, AGREEMENT S/L/M. Where a code leaves the answer uncertain (mixed
ownership), the reason says so and staff are sent to counsel or DCAS rather than given a guess.

The values are those the Department of City Planning's build writes (issue 10): ``BBL`` as ten digits or as a
numeric(19,8) decimal, ``USECODE`` zero-padded, ``CATEGORY``/``EXPANDCAT`` empty for dispositions and final
commitments (``FINALCOM`` ``D``, use codes 16xx). Such a row is kept and marked uncertain, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

REQUIRED_COLUMNS = (
    "uid",
    "BOROUGH",
    "BLOCK",
    "LOT",
    "BBL",
    "ADDRESS",
    "PARCELNAME",
    "AGENCY",
    "USECODE",
    "USETYPE",
    "OWNERSHIP",
    "CATEGORY",
    "EXPANDCAT",
    "LEASED",
    "AGREEMENT",
)
OPTIONAL_COLUMNS = ("LATITUDE", "LONGITUDE", "HNUM", "SNAME", "CD", "FINALCOM")
BOROUGHS = {"1": "Manhattan", "2": "Bronx", "3": "Brooklyn", "4": "Queens", "5": "Staten Island"}
OWNERSHIP = {
    "C": "City owned",
    "M": "mixed ownership",
    "P": "privately owned",
    "O": "owned by another public authority",
}
EXPANDCAT_LEASED_OUT = "6"  # leased out to a private tenant
CATEGORY_NO_USE = "3"
AGREEMENT_LONG_TERM = {"L", "M"}  # City-owned property leased out long-term (M: both short- and long-term)
# Land the City owns but a public benefit corporation or authority runs: whether the City has operational control
# (EO 13 §1(1), §1(2)) is not settled by the record.
RUN_BY_OTHERS = {
    "HHC": "NYC Health + Hospitals runs it, not a City agency",
    "H+H": "NYC Health + Hospitals runs it, not a City agency",
    "NYCHA": "the New York City Housing Authority (NYCHA) runs it, not a City agency",
}
DISPOSITION_USE_CODES = "16"  # use codes 16xx: dispositions and final commitments
_NOT_BUILDINGS = ("PARK", "PLAYGROUND", "GARDEN", "OPEN SPACE", "MALL", "TRIANGLE", "PLAZA", "CEMETERY", "BEACH")


@dataclass(frozen=True)
class ParcelFacts:
    kind: str  # vacant_lot | parking_lot | garage | building | other
    city_owned_or_leased: bool
    city_operational_control: bool
    city_governmental_purpose: bool
    basis: str  # a plain sentence: what the record says and how we read it
    uncertain: bool  # the codes do not settle it; staff should check
    doubt: str = ""  # why, in plain words ("" when the record is clear)


def property_kind(use_type: str, category: str) -> str:
    u = use_type.upper()
    if "GARAGE" in u or ("PARKING" in u and "INDOOR" in u):
        return "garage"
    if "PARKING" in u or "TOW POUND" in u:
        return "parking_lot"
    if "VACANT" in u or (category == CATEGORY_NO_USE and "NO USE" in u):
        return "vacant_lot"
    if any(word in u for word in _NOT_BUILDINGS):
        return "other"
    return "building"


def doubts(*, ownership: str, category: str, agency: str, finalcom: str, use_code: str) -> list[str]:
    """Why a record does not settle whether this is a City lot or City property (issue 10). Never a guess."""
    out: list[str] = []
    if ownership == "M":
        out.append("mixed ownership: the City owns only part of it")
    if agency.upper() in RUN_BY_OTHERS:
        out.append(RUN_BY_OTHERS[agency.upper()])
    if finalcom.upper() == "D" or use_code.startswith(DISPOSITION_USE_CODES):
        out.append("the record is a disposition or final commitment, so the City may no longer hold or run it")
    elif not category:
        out.append("the record has no category of use")
    return out


def parcel_facts(
    *,
    ownership: str,
    leased: str,
    category: str,
    expandcat: str,
    agreement: str,
    use_type: str,
    agency: str = "",
    finalcom: str = "",
    use_code: str = "",
) -> ParcelFacts:
    kind = property_kind(use_type, category)
    leased_by_city = leased.upper() == "L"
    owned = ownership == "C"
    mixed = ownership == "M"
    owned_or_leased = owned or leased_by_city or mixed
    leased_out = expandcat == EXPANDCAT_LEASED_OUT or agreement.upper() in AGREEMENT_LONG_TERM
    control = owned_or_leased and not leased_out
    purpose = control and category != CATEGORY_NO_USE
    parts = [f"City property records list it as {OWNERSHIP.get(ownership, 'of unknown ownership')}"]
    if leased_by_city:
        parts.append("leased by the City")
    if leased_out:
        parts.append("leased out to another party, so the City does not run it")
    if category == CATEGORY_NO_USE:
        parts.append("with no current use")
    parts.append(f"used as: {use_type.title() or 'not stated'}")
    basis = ", ".join(parts) + "."
    found = doubts(ownership=ownership, category=category, agency=agency, finalcom=finalcom, use_code=use_code)
    joined = "; ".join(found)
    doubt = f"{joined[:1].upper()}{joined[1:]}." if found else ""
    if found:
        basis += f" Not certain: {joined}. Check with your agency counsel or DCAS."
    return ParcelFacts(kind, owned_or_leased, control, purpose, basis, uncertain=bool(found), doubt=doubt)
