"""Counts of detainer decisions, for the reports the detainer laws require (Admin Code §9-131, §9-205, §14-154).

Counts only: agency, month, the kind of request, the outcome and the condition that decided it. Never who, never
the facts (a conviction history is identifying information, Admin Code §23-1201), never a free-text note.
"""

from django.db import models

from eo13.law.detainer_laws import CONDITIONS
from eo13.law.facts import DETAINER_REQUESTS

OUTCOMES = ("may_honor", "may_not_honor", "unknown")


class DetainerCount(models.Model):
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="detainer_counts")
    month = models.DateField(help_text="the first day of the month, in New York")
    request = models.CharField(max_length=30, choices=[(r, r.replace("_", " ")) for r in DETAINER_REQUESTS])
    outcome = models.CharField(max_length=20, choices=[(o, o.replace("_", " ")) for o in OUTCOMES])
    condition = models.CharField(max_length=40, choices=[(c, c.replace("_", " ")) for c in CONDITIONS])
    count = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["agency__code", "month", "request", "outcome", "condition"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "month", "request", "outcome", "condition"], name="detainer_count_unique_cell"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.month:%Y-%m} {self.request} {self.outcome} {self.condition}: {self.count}"
