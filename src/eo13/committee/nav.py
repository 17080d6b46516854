"""Staff menu links of the committee app."""

ITEMS = [
    ("Committee", "committee:home", {"committee", "city_hall", "auditor", "agency_lead"}),
]
