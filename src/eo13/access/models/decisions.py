from django.conf import settings
from django.db import models

from eo13.law.engine import outcome_label
from eo13.law.facts import kind_label


class DecisionLog(models.Model):
    """Every decision asked of the engine through the API or the web (after OPA's decision log): enough to replay."""

    kind = models.CharField(max_length=20)
    partial = models.BooleanField(default=False)
    facts = models.JSONField()  # scrubbed
    outcome = models.CharField(max_length=30, db_index=True)
    decision = models.JSONField()
    rules_version = models.CharField(max_length=40)
    as_of = models.DateField()
    # No constraint in the database (the keys come from the signed-in asker, never from input): on PostgreSQL each
    # constraint made every decision take a share lock on its office's and its asker's row until it committed, so
    # one office's decisions at once all locked the same two rows (issue 14). Django still keeps the rules on
    # delete (PROTECT, SET_NULL), as for the audit entry's actor.
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", db_constraint=False
    )
    agency = models.ForeignKey(
        "agencies.Agency", null=True, on_delete=models.PROTECT, related_name="decisions", db_constraint=False
    )
    channel = models.CharField(max_length=10)  # api | web
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["agency", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} → {self.outcome} ({self.created_at:%Y-%m-%d})"

    # The stored values are the API's; people read the labels the law module gives them (issue 13).
    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def outcome_label(self) -> str:
        return outcome_label(self.outcome)
