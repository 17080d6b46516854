"""Aggregate privacy figures for the public site (EO 13 §6). Counts only; the page shows any count below 5 as
"fewer than 5"."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from eo13.law import identifying_information as ii
from eo13.policies.figures_registry import ON_THE_DATE
from eo13.privacy.models import IdentifyingInformationRequest as Request
from eo13.privacy.models import PrivacyOfficerDesignation, TrainingAttendance, TrainingKind


def _with_category(key: str) -> int:
    # JSON containment is not on every backend; the list is short, so count in Python.
    return sum(1 for cats in Request.objects.values_list("categories", flat=True) if key in (cats or []))


def public_figures() -> list[dict[str, Any]]:
    legal = [r.instrument.value for r in ii.INSTRUMENTS if r.is_legal_process]
    current = PrivacyOfficerDesignation.objects.filter(ended_on__isnull=True)
    trained = (
        TrainingAttendance.objects.filter(
            designation__in=current, session__kind=TrainingKind.IDENTIFYING_INFORMATION_LAW
        )
        .values("designation")
        .distinct()
        .count()
    )
    section = "EO 13 §6"
    return [
        {
            "key": "privacy_officers",
            "label": _("City offices with a privacy officer"),
            "count": current.count(),
            "section": section,
            "counts_people": False,  # offices, each with a publicly named officer
            "period": ON_THE_DATE,
        },
        {
            "key": "privacy_officers_trained",
            "label": _("Privacy officers trained by the Chief Privacy Officer"),
            "count": trained,
            "section": "EO 13 §6(1)",
            "period": ON_THE_DATE,
        },
        {
            "key": "ii_requests",
            "label": _("Requests from outside agencies for information about New Yorkers"),
            "count": Request.objects.count(),
            "section": section,
        },
        {
            "key": "ii_requests_legal_process",
            "label": _("Requests that came with a subpoena, court order or warrant"),
            "count": Request.objects.filter(instrument__in=legal).count(),
            "section": section,
        },
        {
            "key": "ii_requests_declined",
            "label": _("Requests the City declined"),
            "count": Request.objects.filter(decision=ii.Decision.DECLINE.value).count(),
            "section": section,
        },
        {
            "key": "ii_requests_disclosed",
            "label": _("Requests where the City gave some information"),
            "count": Request.objects.filter(disclosed_on__isnull=False).count(),
            "section": section,
        },
        {
            "key": "ii_requests_immigration",
            "label": _("Requests that asked about citizenship or immigration status"),
            "count": _with_category("citizenship_or_immigration_status"),
            "section": section,
        },
        {
            "key": "ii_requests_gender_care",
            "label": _("Requests that asked about gender-affirming care"),
            "count": _with_category("gender_affirming_care"),
            "section": section,
        },
    ]
