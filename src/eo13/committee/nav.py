"""Staff menu links of the committee app."""

from eo13.committee.policy import ENTRY_ROLES

ITEMS = [
    ("Committee", "committee:home", set(ENTRY_ROLES)),
]
