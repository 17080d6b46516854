"""Who may see detainer counts (DESIGN "Roles"): an agency's lead sees its own; City Hall and auditors see all.
Front-line staff of DOC, NYPD and DOP record decisions (by deciding); they do not read the reports."""

from eo13.accounts.policy import AgencyScopedPolicy, Role

detainer_count_policy = AgencyScopedPolicy(
    read_own=frozenset({Role.AGENCY_LEAD}),
    read_all=frozenset({Role.CITY_HALL, Role.AUDITOR}),
)
# Whose decisions are counted for an agency: its own staff who decide detainers.
RECORDERS = frozenset({Role.FRONTLINE, Role.AGENCY_LEAD})
DETAINER_AGENCY_CODES = ("DOC", "NYPD", "DOP")
