"""Superusers' changes through the Django admin reach the audit log too (every write leaves an entry)."""

from typing import Any

from django.contrib.admin.models import LogEntry
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record

_ACTIONS = {1: AuditAction.ADMIN_ADD, 2: AuditAction.ADMIN_CHANGE, 3: AuditAction.ADMIN_DELETE}


@receiver(post_save, sender=LogEntry, dispatch_uid="eo13-audit-admin")
def admin_change(sender: Any, instance: LogEntry, created: bool, **kwargs: Any) -> None:
    if not created:
        return
    with transaction.atomic():
        audit_record(
            actor=instance.user,
            action=_ACTIONS.get(instance.action_flag, AuditAction.ADMIN_OTHER),
            model=f"{instance.content_type.app_label}.{instance.content_type.model}" if instance.content_type else "",
            object_id=instance.object_id or "",
            changes={"summary": {"new": instance.get_change_message()}},
        )
