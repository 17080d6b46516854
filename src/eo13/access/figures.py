"""Aggregate encounter figures for the public site (EO 13 §3; Admin Code §10-178(d)). Counts only."""

from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from eo13.access.models import Encounter


def public_figures() -> list[dict[str, Any]]:
    totals = Encounter.objects.aggregate(
        all=Count("id"),
        immigration=Count("id", filter=Q(immigration_enforcement=True)),
        lots=Count("id", filter=Q(request_kind="use_lot")),
        declined=Count("id", filter=Q(city_response="declined")),
    )
    return [
        {
            "key": "encounters",
            "label": _("Times City staff recorded a request from outside law enforcement"),
            "count": totals["all"],
            "section": "Admin Code §10-178",
        },
        {
            "key": "encounters_immigration",
            "label": _("Of those, requests for help with immigration enforcement"),
            "count": totals["immigration"],
            "section": "Admin Code §10-178",
        },
        {
            "key": "encounters_city_lots",
            "label": _("Requests to use a City lot or garage"),
            "count": totals["lots"],
            "section": "EO 13 §3",
        },
        {
            "key": "encounters_declined",
            "label": _("Requests the City said no to"),
            "count": totals["declined"],
            "section": "EO 13 §3",
        },
    ]
