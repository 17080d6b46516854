"""Who may see and change obligations (DESIGN "Roles").

Agency leads and privacy officers see and work on their own agency's duties; the Chief Privacy Officer, City Hall
and the Committee work on the duties their own office owes; City Hall, the Committee, the CPO and auditors read
every office's. Only City Hall accepts or returns a submission, and never its own.
"""

import dataclasses

from eo13.accounts.policy import AgencyScopedPolicy, Role

OBLIGATION_POLICY = AgencyScopedPolicy(
    agency_field="agency",
    read_own=frozenset({Role.AGENCY_LEAD, Role.PRIVACY_OFFICER}),
    read_all=frozenset({Role.CITY_HALL, Role.AUDITOR, Role.COMMITTEE, Role.CHIEF_PRIVACY_OFFICER}),
    write_own=frozenset(
        {Role.AGENCY_LEAD, Role.PRIVACY_OFFICER, Role.CHIEF_PRIVACY_OFFICER, Role.CITY_HALL, Role.COMMITTEE}
    ),
    # Who hears about an office's duties by e-mail: these roles held at the office that owes the duty.
    tell_own=frozenset({Role.AGENCY_LEAD, Role.CHIEF_PRIVACY_OFFICER, Role.CITY_HALL, Role.COMMITTEE}),
)
# The §6 duties (privacy officers) are also told to the office's privacy officer.
PRIVACY_DUTY_POLICY = dataclasses.replace(
    OBLIGATION_POLICY, tell_own=OBLIGATION_POLICY.tell_own | frozenset({Role.PRIVACY_OFFICER})
)
REVIEWERS = frozenset({Role.CITY_HALL})
# Who records events about an agency: that agency's own writers (above), and these citywide roles for any agency.
EVENT_RECORDERS = frozenset({Role.CITY_HALL, Role.CHIEF_PRIVACY_OFFICER})
# Who reads the citywide duties board, and who the Report to the Mayor.
BOARD_ROLES = frozenset({Role.CITY_HALL, Role.AUDITOR, Role.COMMITTEE, Role.CHIEF_PRIVACY_OFFICER})
MAYOR_REPORT_ROLES = frozenset({Role.CITY_HALL, Role.AUDITOR, Role.COMMITTEE})
# Who is shown the links to their own office's duties and to the reports page (the staff menu, obligations/nav.py).
WORKSPACE_ROLES = frozenset({Role.AGENCY_LEAD, Role.PRIVACY_OFFICER, Role.CHIEF_PRIVACY_OFFICER})
REPORT_PAGE_ROLES = frozenset({Role.AGENCY_LEAD, Role.CITY_HALL, Role.AUDITOR})


def policy_for(key: str) -> AgencyScopedPolicy:
    """The policy of one duty, by its catalogue key: §6 duties are told to privacy officers too."""
    return PRIVACY_DUTY_POLICY if key.startswith("s6_") else OBLIGATION_POLICY
