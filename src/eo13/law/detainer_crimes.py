"""The "violent or serious crime" list of the detainer laws, as data (Admin Code §9-131(a), read by §9-205(a) and
mirrored in §14-154(a)), with where each part comes from and how sure we are of it.

The engine does not decide from this list alone. The person deciding reads the criminal-history search the law
names and says which category each conviction is in (``convictions[].category``). The list is used to catch a
category that contradicts the offense code given: a code on the list marked as something else is a conflict for
counsel, never a silent correction.

What we could confirm (see docs/detainer-sources.md): the Council's summary of Int. 486-2014 (Local Law 58 of 2014)
says the Department of Correction may honor a detainer only with a federal judge's warrant and a conviction for a
"violent or serious" crime in the last five years, or a terrorist-database match. The enacted list itself, and the
Department of Correction's rule adding felonies to it, were NOT read: every entry below is marked unconfirmed, and
no offense code is matched to the rule. A listed code marked as another category answers ``unknown``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final


@dataclass(frozen=True)
class CrimeList:
    key: str
    title: str
    source: str  # where the text was found, or why it is only recalled
    enacted: date | None
    confirmed: bool
    offense_codes: frozenset[str]


# Penal Law sections that New York law itself calls violent felony offenses (Penal Law §70.02) and that any reading
# of the City's list includes. A subset, not the whole list: a code missing here proves nothing.
STATUTORY_CORE: Final = CrimeList(
    key="admin-code-9-131-a-list",
    title="Violent or serious crimes listed in Admin Code §9-131(a) (subset used for cross-checks)",
    source="Recalled from Local Law 58 of 2014 (Int. 486-A-2014); enacted text not read. Council summary found at "
    "legistar.council.nyc.gov (Int 0486-2014).",
    enacted=date(2014, 11, 14),
    confirmed=False,
    offense_codes=frozenset(
        {
            "PL 120.05",  # assault 2nd degree
            "PL 120.10",  # assault 1st degree
            "PL 125.15",  # manslaughter 2nd degree
            "PL 125.20",  # manslaughter 1st degree
            "PL 125.25",  # murder 2nd degree
            "PL 125.27",  # murder 1st degree
            "PL 130.35",  # rape 1st degree
            "PL 135.20",  # kidnapping 2nd degree
            "PL 135.25",  # kidnapping 1st degree
            "PL 140.25",  # burglary 2nd degree
            "PL 140.30",  # burglary 1st degree
            "PL 150.15",  # arson 2nd degree
            "PL 150.20",  # arson 1st degree
            "PL 160.05",  # robbery 3rd degree
            "PL 160.10",  # robbery 2nd degree
            "PL 160.15",  # robbery 1st degree
            "PL 265.03",  # criminal possession of a weapon 2nd degree
            "PL 265.04",  # criminal possession of a weapon 1st degree
        }
    ),
)

# Admin Code §9-131(a) is said to let the Department of Correction add felonies by rule. We did not find the rule,
# its title or its date; no code is listed, and the engine treats a conviction marked as added by rule as unknown.
DOC_RULE_ADDED: Final = CrimeList(
    key="doc-rule-added-felonies",
    title="Felonies added by Department of Correction rule (Admin Code §9-131(a))",
    source="Not found. The rule's text, number in the Rules of the City of New York and date are unconfirmed.",
    enacted=None,
    confirmed=False,
    offense_codes=frozenset(),
)

LISTS: Final = (STATUTORY_CORE, DOC_RULE_ADDED)


def normalise_code(code: str) -> str:
    """``pl160.15`` / ``PL 160.15`` / ``Penal Law 160.15`` -> ``PL 160.15``."""
    text = " ".join(code.upper().replace("PENAL LAW", "PL").split())
    if text.startswith("PL") and not text.startswith("PL "):
        text = "PL " + text[2:].strip()
    return text


def on_list(code: str | None) -> bool:
    """Is the offense code on the part of the list we hold? False means "not known to be", never "not on it"."""
    if not code:
        return False
    return normalise_code(code) in STATUTORY_CORE.offense_codes
