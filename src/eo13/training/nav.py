"""Staff menu links of the training app."""

ITEMS = [
    ("Training", "training:coverage", {"agency_lead", "city_hall", "auditor"}),
]
