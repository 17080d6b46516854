"""Counts of detainer decisions, for the reports the detainer laws require (Admin Code §9-131, §9-205, §14-154).

Counts only: agency, month, the kind of request, the outcome and the condition that decided it. Never who, never
the facts (a conviction history is identifying information, Admin Code §23-1201), never a free-text note.
"""

from django.db import models

from eo13.law.detainer_laws import CONDITION_LABELS
from eo13.law.engine import Outcome
from eo13.law.facts import DetainerRequest

OUTCOMES = (Outcome.MAY_HONOR.value, Outcome.MAY_NOT_HONOR.value, Outcome.UNKNOWN.value)


class DetainerCount(models.Model):
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="detainer_counts")
    month = models.DateField(help_text="the first day of the month, in New York")
    # The labels come from where the law defines each value, so the admin and the reports read alike (issue 13).
    request = models.CharField(max_length=30, choices=DetainerRequest.choices())
    outcome = models.CharField(max_length=20, choices=[(o, Outcome(o).label) for o in OUTCOMES])
    condition = models.CharField(max_length=40, choices=list(CONDITION_LABELS.items()))
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
