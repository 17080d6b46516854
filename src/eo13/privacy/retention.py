"""Retention rules of the privacy app, applied by ``eo13 purge`` (see eo13.privacy.purge).

A request for identifying information is kept six years from receipt by default, and only once it is decided:
an open request is never purged. Set ``settings.EO13_RETENTION_DAYS["identifying_information_request"]`` to
change the period. The privacy-officer register, trainings and protocols are the City's own records and are kept.
"""

from eo13.privacy.purge import RetentionRule

RULES = [
    RetentionRule(
        record_type="identifying_information_request",
        model="privacy.IdentifyingInformationRequest",
        date_field="received_on",
        default_days=6 * 365,
        description="Decided requests for identifying information, counted from the date received.",
        keep={"decision": ""},
    ),
]
