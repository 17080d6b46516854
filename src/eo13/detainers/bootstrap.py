"""Demo data for the detainer reports: fictional monthly counts for DOC, NYPD and DOP (demo mode only).

The numbers are invented so the reports and the public figures have something to show; no person stands behind
them."""

from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction

from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.detainers.models import DetainerCount

# (agency, month, request, outcome, condition, count): fictional.
DEMO_COUNTS = (
    ("DOC", 1, "hold_beyond_release", "may_not_honor", "no_judicial_warrant", 23),
    ("DOC", 1, "hold_beyond_release", "may_honor", "conviction_in_look_back", 1),
    ("DOC", 2, "hold_beyond_release", "may_not_honor", "no_judicial_warrant", 19),
    ("DOC", 2, "release_notification", "may_not_honor", "no_judicial_warrant", 7),
    ("DOC", 3, "hold_beyond_release", "unknown", "arrest_date_needed", 2),
    ("NYPD", 1, "hold_beyond_release", "may_not_honor", "no_judicial_warrant", 11),
    ("NYPD", 2, "hold_beyond_release", "unknown", "nypd_no_warrant_path_unconfirmed", 3),
    ("DOP", 2, "hold_beyond_release", "may_not_honor", "no_qualifying_conviction", 4),
    ("DOP", 3, "information_request", "unknown", "request_text_unconfirmed", 2),
)
DEMO_YEAR = 2026


def run(stdout: Any) -> None:
    if not settings.EO13_DEMO or settings.PRODUCTION or DetainerCount.objects.exists():
        return
    agencies = {a.code: a for a in Agency.objects.filter(code__in=("DOC", "NYPD", "DOP"))}
    if len(agencies) < 3:
        return
    with transaction.atomic():
        for code, month, request, outcome, condition, count in DEMO_COUNTS:
            row = DetainerCount.objects.create(
                agency=agencies[code],
                month=date(DEMO_YEAR, month, 1),
                request=request,
                outcome=outcome,
                condition=condition,
                count=count,
            )
            audit_record(actor="bootstrap", action=AuditAction.DETAINER_COUNT_DEMO, target=row, agency_code=code)
    stdout.write(f"Detainer reports: {len(DEMO_COUNTS)} fictional monthly counts.")
