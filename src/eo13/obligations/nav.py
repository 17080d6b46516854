"""Staff menu links of the obligations app."""

from eo13.obligations.policy import BOARD_ROLES, REPORT_PAGE_ROLES, WORKSPACE_ROLES

ITEMS = [
    ("Our duties", "obligations:workspace", set(WORKSPACE_ROLES)),
    ("Duties board", "obligations:board", set(BOARD_ROLES)),
    ("Reports", "obligations:reports", set(REPORT_PAGE_ROLES)),
]
