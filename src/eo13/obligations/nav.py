"""Staff menu links of the obligations app."""

ITEMS = [
    ("Our duties", "obligations:workspace", {"agency_lead", "privacy_officer", "chief_privacy_officer"}),
    ("Duties board", "obligations:board", {"city_hall", "auditor", "committee", "chief_privacy_officer"}),
    ("Reports", "obligations:reports", {"agency_lead", "city_hall", "auditor"}),
]
