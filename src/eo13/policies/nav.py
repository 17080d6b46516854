"""Staff menu links of the policies app."""

ITEMS = [
    ("Policies", "policies:list", {"agency_lead", "frontline", "privacy_officer", "city_hall", "auditor", "committee"}),
    ("Translations", "policies:coverage", {"agency_lead", "city_hall", "auditor"}),
    ("§5 materials", "policies:materials", {"agency_lead", "frontline", "privacy_officer", "city_hall", "auditor"}),
]
