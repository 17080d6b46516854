"""Staff menu links of the policies app."""

from eo13.accounts.models import Role
from eo13.policies.permissions import COVERAGE_MENU, MATERIAL_MENU, POLICY_MENU, is_law_reviewer

ITEMS = [
    ("Policies", "policies:list", set(POLICY_MENU)),
    ("Policies to review", "policies:review", {Role.AGENCY_LEAD}, is_law_reviewer),
    ("Translations", "policies:coverage", set(COVERAGE_MENU)),
    ("§5 materials", "policies:materials", set(MATERIAL_MENU)),
]
