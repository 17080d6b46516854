"""Writes of the privacy app. Each function checks the actor's role and agency, writes, and records an audit entry
in the same transaction."""

from eo13.privacy.services.register import designation_record, designation_update_contact, vacancy_record
from eo13.privacy.services.requests import (
    request_assign,
    request_create,
    request_decide,
    request_disclose,
    request_refer,
)
from eo13.privacy.services.training import (
    protocol_acknowledge,
    protocol_publish,
    training_attendance_record,
    training_session_create,
)

__all__ = [
    "designation_record",
    "designation_update_contact",
    "protocol_acknowledge",
    "protocol_publish",
    "request_assign",
    "request_create",
    "request_decide",
    "request_disclose",
    "request_refer",
    "training_attendance_record",
    "training_session_create",
    "vacancy_record",
]
