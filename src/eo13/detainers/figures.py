"""Public figures from the detainer counts (Admin Code §9-131, §9-205, §14-154): citywide totals, counts only.
The figures page shows any count below 5 as "fewer than 5"."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from eo13.detainers.selectors import totals


def public_figures() -> list[dict[str, Any]]:
    t = totals()
    return [
        {
            "key": "detainer_decisions",
            "label": _(
                "Requests from immigration authorities to hold someone or share their release, decided by "
                "Correction, Police and Probation"
            ),
            "count": t["all"],
            "section": "Admin Code §9-131, §14-154, §9-205",
        },
        {
            "key": "detainer_may_honor",
            "label": _("Of those, requests the law allowed, because a federal judge signed a warrant"),
            "count": t["may_honor"],
            "section": "Admin Code §9-131(b)(1)",
        },
        {
            "key": "detainer_may_not_honor",
            "label": _("Of those, requests the law did not allow"),
            "count": t["may_not_honor"],
            "section": "Admin Code §9-131(b)(1)",
        },
        {
            "key": "detainer_unknown",
            "label": _("Of those, requests sent to agency lawyers to decide"),
            "count": t["unknown"],
            "section": "Admin Code §9-131",
        },
    ]
