"""Who may see and change training records (DESIGN "Roles"; EO 13 §2(2)).

An agency's compliance lead keeps its own roster, courses and completions. City Hall and the auditor read every
agency's. The roster names City staff, so front-line staff and other roles do not read it.
"""

from eo13.accounts.policy import AgencyScopedPolicy, Role

READ_ALL = frozenset({Role.CITY_HALL, Role.AUDITOR})
WRITE_OWN = frozenset({Role.AGENCY_LEAD})

ROSTER_ACCESS = AgencyScopedPolicy(agency_field="agency", read_all=READ_ALL, write_own=WRITE_OWN)
COURSE_ACCESS = AgencyScopedPolicy(agency_field="agency", read_all=READ_ALL, write_own=WRITE_OWN)
COMPLETION_ACCESS = AgencyScopedPolicy(agency_field="person__agency", read_all=READ_ALL, write_own=WRITE_OWN)
# The agencies themselves, for pages that list agencies: the same roles, keyed on the agency's own id.
AGENCY_VIEW = AgencyScopedPolicy(agency_field="pk", read_all=READ_ALL, write_own=WRITE_OWN)
