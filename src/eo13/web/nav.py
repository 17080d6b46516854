from eo13.accounts.models import Role

ITEMS = [
    (
        "People",
        "people",
        {Role.AGENCY_LEAD, Role.PRIVACY_OFFICER, Role.CITY_HALL, Role.CHIEF_PRIVACY_OFFICER, Role.AUDITOR},
    ),
    ("Agencies", "agencies", set(Role.values)),
    ("Audit log", "audit-log", {Role.AUDITOR}),
]
