"""The access app's records: City property registry, agreements, decision log, encounters (EO 13 §1, §3, §4)."""

from eo13.access.models.agreements import Agreement, AgreementKind, AgreementProperty
from eo13.access.models.decisions import DecisionLog
from eo13.access.models.encounters import Encounter, RequestingAgency
from eo13.access.models.properties import CityProperty

__all__ = [
    "Agreement",
    "AgreementKind",
    "AgreementProperty",
    "CityProperty",
    "DecisionLog",
    "Encounter",
    "RequestingAgency",
]
