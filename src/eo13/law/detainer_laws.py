"""The detainer laws, one entry per agency (Admin Code §9-131, §14-154, §9-205, named by EO 13 §2): which section,
which paragraphs, when each took effect, and the conditions the laws' reports count.

Sources and what stays unconfirmed: docs/detainer-sources.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from eo13.law.citations import admin_code

LOOK_BACK_YEARS: Final = 5
FEDERAL_JUDGES: Final = frozenset({"article_iii_judge", "federal_magistrate_judge"})


@dataclass(frozen=True)
class AgencyLaw:
    agency: str
    section: str  # "9-131"
    name: str
    definitions: str  # citation of the definitions the section uses
    warrant_paragraph: str
    basis_paragraph: str
    effective: date
    version: str
    restricts_release_information: bool  # a confirmed limit on telling ICE when a person is released


LAWS: Final = {
    # Local Law 58 of 2014 (Int. 486-A), signed 2014-11-14 (the Council's legislation page), in force 30 days later.
    "DOC": AgencyLaw(
        "DOC",
        "9-131",
        "Department of Correction",
        admin_code("9-131(a)"),
        admin_code("9-131(b)(1)"),
        admin_code("9-131(b)(1)"),
        date(2014, 12, 14),
        "admin-code-9-131-ll58-2014",
        True,
    ),
    # Local Law 59 of 2014 (Int. 487-A), enacted with LL 58 (the published Local Laws of 2014, No. 59).
    "NYPD": AgencyLaw(
        "NYPD",
        "14-154",
        "Police Department",
        admin_code("14-154(a)"),
        admin_code("14-154(b)(1)"),
        admin_code("14-154(b)(1)"),
        date(2014, 12, 14),
        "admin-code-14-154-ll59-2014",
        False,
    ),
    # Int. 1558-A of 2017 added §9-205, using §9-131's definitions. Its local law number and the day it took effect
    # were not confirmed, so dates before 2018 are answered "unknown".
    "DOP": AgencyLaw(
        "DOP",
        "9-205",
        "Department of Probation",
        admin_code("9-205(a)"),
        admin_code("9-205(b)(1)"),
        admin_code("9-205(b)(2)"),
        date(2018, 1, 1),
        "admin-code-9-205-2017",
        False,
    ),
}

# The condition that decided an answer: what the laws' reports count, and nothing about the person. The key is
# stored with the counts; the label is what the reports print.
CONDITION_LABELS: Final[dict[str, str]] = {
    "before_law_in_force": "The request came before the law took effect",
    "no_judicial_warrant": "No warrant signed by a judge",
    "warrant_not_federal_judge": "The warrant was not signed by a federal judge",
    "conviction_in_look_back": "A serious conviction in the last five years",
    "terrorist_screening_match": "A match on the terrorist screening list",
    "no_qualifying_conviction": "No conviction the law counts",
    "arrest_date_needed": "The date of arrest is needed",
    "category_conflict": "The records disagree about the crime",
    "nypd_no_warrant_path_unconfirmed": "The NYPD rule without a warrant is not yet confirmed",
    "request_text_unconfirmed": "The law's words for this request are not yet confirmed",
    "depends_on_missing": "Facts were still missing",
}
CONDITIONS: Final = tuple(CONDITION_LABELS)


def condition_label(value: str) -> str:
    return CONDITION_LABELS.get(value, "Other reason")


def look_back_start(on: date) -> date:
    """The first day inside the look-back: the same calendar day five years earlier (Feb 29 -> Feb 28)."""
    try:
        return on.replace(year=on.year - LOOK_BACK_YEARS)
    except ValueError:
        return on.replace(year=on.year - LOOK_BACK_YEARS, day=28)
