"""Who may see and change obligations (DESIGN "Roles").

Agency leads and privacy officers see and work on their own agency's duties; the Chief Privacy Officer, City Hall
and the Committee work on the duties their own office owes; City Hall, the Committee, the CPO and auditors read
every office's. Only City Hall accepts or returns a submission, and never its own.
"""

from eo13.accounts.policy import AgencyScopedPolicy, Role

OBLIGATION_POLICY = AgencyScopedPolicy(
    agency_field="agency",
    read_own=frozenset({Role.AGENCY_LEAD, Role.PRIVACY_OFFICER}),
    read_all=frozenset({Role.CITY_HALL, Role.AUDITOR, Role.COMMITTEE, Role.CHIEF_PRIVACY_OFFICER}),
    write_own=frozenset(
        {Role.AGENCY_LEAD, Role.PRIVACY_OFFICER, Role.CHIEF_PRIVACY_OFFICER, Role.CITY_HALL, Role.COMMITTEE}
    ),
)
REVIEWERS = frozenset({Role.CITY_HALL})
# Who records events about an agency: that agency's own writers (above), and these citywide roles for any agency.
EVENT_RECORDERS = frozenset({Role.CITY_HALL, Role.CHIEF_PRIVACY_OFFICER})
# Who hears about an office's duties by e-mail: these roles held at the office that owes the duty.
REMINDED_ROLES = frozenset({Role.AGENCY_LEAD, Role.CHIEF_PRIVACY_OFFICER, Role.CITY_HALL, Role.COMMITTEE})
PRIVACY_REMINDED_ROLES = frozenset({Role.PRIVACY_OFFICER})  # also told of §6 duties
# Who reads the citywide duties board, and who the Report to the Mayor.
BOARD_ROLES = frozenset({Role.CITY_HALL, Role.AUDITOR, Role.COMMITTEE, Role.CHIEF_PRIVACY_OFFICER})
MAYOR_REPORT_ROLES = frozenset({Role.CITY_HALL, Role.AUDITOR, Role.COMMITTEE})
# Who is shown the links to their own office's duties and to the reports page (the staff menu, obligations/nav.py).
WORKSPACE_ROLES = frozenset({Role.AGENCY_LEAD, Role.PRIVACY_OFFICER, Role.CHIEF_PRIVACY_OFFICER})
REPORT_PAGE_ROLES = frozenset({Role.AGENCY_LEAD, Role.CITY_HALL, Role.AUDITOR})
