from eo13.accounts.models import Role

ITEMS = [
    ("Guide: immigration detainer", "detainers:guide", set(Role.values)),
    ("Detainer reports", "detainers:reports", {Role.AGENCY_LEAD, Role.CITY_HALL, Role.AUDITOR}),
]
