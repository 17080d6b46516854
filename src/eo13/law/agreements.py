"""Agreements and cooperative arrangements (EO 13 §3(1), §3(3)): does one cover this date, place and use?"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

AGREEMENT_KINDS = ("formal_agreement", "cooperative_arrangement")


@dataclass(frozen=True)
class AgreementFacts:
    id: str
    kind: str  # formal_agreement | cooperative_arrangement
    title: str
    valid_from: date
    valid_to: date | None  # None: open-ended
    property_refs: frozenset[str] | None  # None: every City lot
    uses: frozenset[str] | None  # None: every use

    def covers(self, *, on: date, property_ref: str | None, use: str) -> tuple[bool, str]:
        """(covers, plain reason). Every part is checked; the reason names the first part that fails."""
        if on < self.valid_from:
            return False, f"Agreement {self.id} starts on {self.valid_from.isoformat()}, after this date."
        if self.valid_to is not None and on > self.valid_to:
            return False, f"Agreement {self.id} ended on {self.valid_to.isoformat()}."
        if self.property_refs is not None:
            if property_ref is None:
                return (
                    False,
                    f"Agreement {self.id} covers only listed places. "
                    "Choose this place from the property list to check it.",
                )
            if property_ref not in self.property_refs:
                return False, f"Agreement {self.id} does not cover this place."
        if self.uses is not None and use not in self.uses:
            return False, f"Agreement {self.id} does not cover this use ({use.replace('_', ' ')})."
        return True, f"Agreement {self.id} ({self.title}) covers this place, this date and this use."
