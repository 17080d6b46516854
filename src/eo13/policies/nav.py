"""Staff menu links of the policies app."""

from eo13.policies.permissions import COVERAGE_MENU, MATERIAL_MENU, POLICY_MENU

ITEMS = [
    ("Policies", "policies:list", set(POLICY_MENU)),
    ("Translations", "policies:coverage", set(COVERAGE_MENU)),
    ("§5 materials", "policies:materials", set(MATERIAL_MENU)),
]
