"""The append-only, hash-chained audit log (DESIGN "Nothing lost, nothing leaked").

Each entry stores the hash of the entry before it in its chain; changing or removing any entry breaks every hash
after it, and ``eo13 audit-verify`` names the first broken one. There is one chain per agency and one City-wide
chain (issue 14): writers of different agencies lock different head rows and never wait on each other. Decisions,
the busiest write, go to writers' chains instead (``writer-07``), each extended by one app thread with no lock at
all (eo13.audit.fast_append). Signed
checkpoints (:class:`AuditCheckpoint`) record every chain's head at one moment, so the chains are tied together as
an append-only transparency log ties its tree heads.
"""

from typing import Any

from django.conf import settings
from django.db import models

GENESIS_HASH = "0" * 64
CITY_CHAIN = "city"  # entries without an agency, and every entry written before per-agency chains
LEGACY_FORMAT = 1  # written to the single chain; the hash does not cover the chain's name
CHAIN_FORMAT = 2  # written to a per-agency chain; the hash covers the chain's name


def chain_for(agency_code: str) -> str:
    return agency_code or CITY_CHAIN


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
    chain = models.CharField(max_length=20, default=CITY_CHAIN)
    format = models.PositiveSmallIntegerField(default=LEGACY_FORMAT)
    prev_hash = models.CharField(max_length=64)
    # Not indexed: nothing looks an entry up by its hash, and each chain's links (checked by `eo13 audit-verify`),
    # not a unique index, are what show a fork. A unique index on random hashes made every audited write touch a
    # random page of it (and of its LIKE twin): 8 KB of WAL each after a checkpoint, 70 % of the decision's WAL.
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["model", "object_id"]), models.Index(fields=["chain", "seq"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.model}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditLogIsAppendOnly("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AuditLogIsAppendOnly("Audit entries cannot be deleted.")


class AuditChainHead(models.Model):
    """The newest hash and the length of one chain. Appenders lock their chain's row, so concurrent writers of
    one agency extend one chain, not two, while other agencies' writers go on."""

    chain = models.CharField(max_length=20, primary_key=True)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)
    count = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"audit chain {self.chain} ({self.count} entries)"


class AuditCheckpoint(models.Model):
    """Every chain's (count, head hash) at one moment, signed, and chained to the checkpoint before it.

    ``body`` is the exact signed text (canonical JSON); ``hash`` is its SHA-256, which the next checkpoint's body
    names as ``prev``. Written by the task worker every few minutes and by ``eo13 audit-checkpoint``."""

    seq = models.BigAutoField(primary_key=True)
    at = models.DateTimeField()
    body = models.TextField()
    prev_hash = models.CharField(max_length=64, unique=True)  # two checkpoints after one would fork their chain
    hash = models.CharField(max_length=64, unique=True)
    signature = models.CharField(max_length=200)

    class Meta:
        ordering = ["seq"]

    def __str__(self) -> str:
        return f"audit checkpoint #{self.seq} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditLogIsAppendOnly("Audit checkpoints cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AuditLogIsAppendOnly("Audit checkpoints cannot be deleted.")
