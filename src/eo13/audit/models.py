"""The append-only, hash-chained audit log (DESIGN "Nothing lost, nothing leaked").

Each entry stores the hash of the entry before it; changing or removing any entry breaks every hash after it,
and ``eo13 audit-verify`` names the first broken one.
"""

from typing import Any

from django.conf import settings
from django.db import models

GENESIS_HASH = "0" * 64


class AuditLogIsAppendOnly(Exception):
    pass


class AuditEntry(models.Model):
    seq = models.BigAutoField(primary_key=True)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_constraint=False,
    )
    actor_username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=80)
    model = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    agency_code = models.CharField(max_length=20, blank=True, db_index=True)
    changes = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["model", "object_id"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.model}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditLogIsAppendOnly("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AuditLogIsAppendOnly("Audit entries cannot be deleted.")


class AuditChainHead(models.Model):
    """One row holding the newest hash. Appenders lock it, so concurrent writers extend one chain, not two."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)
    count = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"audit chain head ({self.count} entries)"
