"""Staff menu links of the privacy app."""

from eo13.accounts.models import Role

ITEMS = [
    (
        "Privacy",
        "privacy:home",
        {Role.PRIVACY_OFFICER, Role.CHIEF_PRIVACY_OFFICER, Role.CITY_HALL, Role.AUDITOR, Role.AGENCY_LEAD},
    ),
    ("Information requests", "privacy:requests", {Role.PRIVACY_OFFICER, Role.CHIEF_PRIVACY_OFFICER, Role.AUDITOR}),
]
