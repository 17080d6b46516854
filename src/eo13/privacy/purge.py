"""Data retention (issue 5, item 6): each app lists its rules in ``<app>/retention.py`` as ``RULES = [...]``;
``eo13 purge`` applies every rule it finds and records in the audit log that it ran.

A rule is a :class:`RetentionRule` (or a dict with the same keys). Its period comes from
``settings.EO13_RETENTION_DAYS[record_type]``, falling back to the rule's ``default_days``. The audit log itself
is never purged: it is append-only and holds no identifiers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models.deletion import ProtectedError

from eo13 import clock
from eo13.accounts.actors import ActorOrJob
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.discovery import app_modules
from eo13.errors import ValidationFailed


@dataclass(frozen=True)
class RetentionRule:
    record_type: str  # the key in settings.EO13_RETENTION_DAYS
    model: str  # "app_label.ModelName"
    date_field: str  # age counts from this date or datetime field
    default_days: int
    description: str = ""
    only: dict[str, Any] = field(default_factory=dict)  # purge only rows matching these lookups
    keep: dict[str, Any] = field(default_factory=dict)  # never purge rows matching these lookups

    @property
    def days(self) -> int:
        return int(getattr(settings, "EO13_RETENTION_DAYS", {}).get(self.record_type, self.default_days))


@dataclass
class PurgeResult:
    record_type: str
    model: str
    days: int
    cutoff: date
    count: int
    error: str = ""


def discover_rules() -> list[RetentionRule]:
    """Every ``RULES`` list in ``<app>/retention.py`` of the project's apps, in INSTALLED_APPS order."""
    rules: list[RetentionRule] = []
    for module in app_modules("retention"):
        for rule in getattr(module, "RULES", []):
            rules.append(rule if isinstance(rule, RetentionRule) else RetentionRule(**rule))
    return rules


def _queryset(rule: RetentionRule, cutoff: date) -> models.QuerySet[Any]:
    model = apps.get_model(rule.model)
    field_obj = model._meta.get_field(rule.date_field)
    if isinstance(field_obj, models.DateTimeField):
        limit: date | datetime = datetime.combine(cutoff, time.min, tzinfo=clock.NEW_YORK)
    else:
        limit = cutoff
    qs: models.QuerySet[Any] = model._default_manager.filter(**{f"{rule.date_field}__lt": limit}, **rule.only)
    return qs.exclude(**rule.keep) if rule.keep else qs


def purge_run(
    *, actor: ActorOrJob = "eo13 purge", today: date | None = None, dry_run: bool = False
) -> list[PurgeResult]:
    """Delete what is older than its retention period. One transaction, one audit entry naming every count."""
    today = today or clock.today()
    rules = discover_rules()
    results: list[PurgeResult] = []
    with transaction.atomic():
        for rule in rules:
            if rule.days < 1:
                raise ValidationFailed(f"Retention for {rule.record_type} must be at least one day.")
            cutoff = today - timedelta(days=rule.days)
            qs = _queryset(rule, cutoff)
            result = PurgeResult(rule.record_type, rule.model, rule.days, cutoff, qs.count())
            if not dry_run and result.count:
                try:
                    with transaction.atomic():
                        qs.delete()
                except ProtectedError:
                    result.error = "other records still point to these; nothing deleted for this type"
                    result.count = 0
            results.append(result)
        known = {r.record_type for r in rules}
        unruled = sorted(set(getattr(settings, "EO13_RETENTION_DAYS", {})) - known)
        audit_record(
            actor=actor,
            action=AuditAction.RETENTION_PURGE_DRY_RUN if dry_run else AuditAction.RETENTION_PURGE,
            model="retention",
            object_id=today.isoformat(),
            changes={
                r.record_type: {
                    "old": None,
                    "new": {"days": r.days, "cutoff": r.cutoff.isoformat(), "count": r.count, "error": r.error},
                }
                for r in results
            }
            | ({"no_rule": {"old": None, "new": unruled}} if unruled else {}),
        )
    return results
