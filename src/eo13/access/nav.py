from eo13.access.policy import DECIDERS
from eo13.accounts.models import Role

ITEMS = [
    ("Guide: outside agents are here", "access:guide", set(DECIDERS)),
    ("Encounters", "access:encounters", {Role.FRONTLINE, Role.AGENCY_LEAD, Role.CITY_HALL, Role.AUDITOR}),
    ("Decision log", "access:decisions", {Role.AGENCY_LEAD, Role.CITY_HALL, Role.AUDITOR}),
    ("Agreements", "access:agreements", {Role.AGENCY_LEAD, Role.CITY_HALL, Role.AUDITOR}),
    ("§10-178(d) report", "access:report", {Role.AGENCY_LEAD, Role.CITY_HALL, Role.AUDITOR}),
]
