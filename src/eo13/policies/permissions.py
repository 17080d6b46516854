"""Who may do what with policies, translations and materials (DESIGN "Roles"; EO 13 §2(1), §5).

The order names the Law Department as the reviewer (EO 13 §5) and MOIA as a partner in informing the public, so:
- an agency's compliance lead drafts its policies and approves its translations;
- a compliance lead at the Law Department (LAW) reviews and approves, which publishes;
- a compliance lead at MOIA, the City's language-access office, may enter translations for any agency;
- §5 materials are made by City Hall, MOIA or the Law Department and approved by the Law Department.
"""

from typing import Any

from eo13.accounts.policy import AgencyScopedPolicy, Role, memberships

LAW = "LAW"
MOIA = "MOIA"
MATERIAL_MAKERS = frozenset({"CITYHALL", "MOIA", "LAW"})
CITYWIDE_READERS = frozenset({Role.CITY_HALL, Role.AUDITOR, Role.COMMITTEE, Role.CHIEF_PRIVACY_OFFICER})
# Who is shown the links to policies, translation coverage and §5 materials (the staff menu, policies/nav.py).
POLICY_MENU = frozenset(
    {Role.AGENCY_LEAD, Role.FRONTLINE, Role.PRIVACY_OFFICER, Role.CITY_HALL, Role.AUDITOR, Role.COMMITTEE}
)
COVERAGE_MENU = frozenset({Role.AGENCY_LEAD, Role.CITY_HALL, Role.AUDITOR})
MATERIAL_MENU = frozenset({Role.AGENCY_LEAD, Role.FRONTLINE, Role.PRIVACY_OFFICER, Role.CITY_HALL, Role.AUDITOR})

POLICY_ACCESS = AgencyScopedPolicy(
    agency_field="agency",
    read_own=frozenset({Role.FRONTLINE, Role.PRIVACY_OFFICER}),
    read_all=CITYWIDE_READERS,
    write_own=frozenset({Role.AGENCY_LEAD}),
)
VERSION_ACCESS = AgencyScopedPolicy(
    agency_field="policy__agency",
    read_own=POLICY_ACCESS.read_own,
    read_all=CITYWIDE_READERS,
    write_own=frozenset({Role.AGENCY_LEAD}),
)
TRANSLATION_ACCESS = AgencyScopedPolicy(
    agency_field="version__policy__agency",
    read_own=POLICY_ACCESS.read_own,
    read_all=CITYWIDE_READERS,
    write_own=frozenset({Role.AGENCY_LEAD}),
)
MATERIAL_ACCESS = AgencyScopedPolicy(
    agency_field="owner",
    read_own=frozenset({Role.FRONTLINE, Role.PRIVACY_OFFICER, Role.AGENCY_LEAD}),
    read_all=CITYWIDE_READERS,
    write_own=frozenset({Role.AGENCY_LEAD}),
    write_all=frozenset({Role.CITY_HALL}),
)
DISSEMINATION_ACCESS = AgencyScopedPolicy(
    agency_field="agency",
    read_own=frozenset({Role.FRONTLINE, Role.PRIVACY_OFFICER}),
    read_all=CITYWIDE_READERS,
    write_own=frozenset({Role.AGENCY_LEAD}),
)


def _lead_at(user: Any, codes: frozenset[str]) -> bool:
    return any(m.role == Role.AGENCY_LEAD and m.agency.code in codes for m in memberships(user))


def is_law_reviewer(user: Any) -> bool:
    """A Law Department compliance lead: reviews policies and materials (EO 13 §5)."""
    return _lead_at(user, frozenset({LAW}))


def is_citywide_translator(user: Any) -> bool:
    """A MOIA compliance lead: enters translations for any agency (Admin Code §23-1102)."""
    return _lead_at(user, frozenset({MOIA}))


def is_material_maker(user: Any) -> bool:
    """City Hall, or a compliance lead at City Hall, MOIA or the Law Department (EO 13 §5)."""
    return any(m.role == Role.CITY_HALL for m in memberships(user)) or _lead_at(user, MATERIAL_MAKERS)


def sees_all_policies(user: Any) -> bool:
    return is_law_reviewer(user) or is_citywide_translator(user)
