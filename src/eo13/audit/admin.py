from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from eo13.audit.actions import action_label
from eo13.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read-only: no one changes or deletes the audit log through any interface."""

    list_display = ["seq", "at", "actor_username", "action_words", "model", "object_id", "agency_code"]
    list_filter = ["action", "model", "agency_code"]
    search_fields = ["actor_username", "object_id"]

    @admin.display(description="Action", ordering="action")
    def action_words(self, obj: AuditEntry) -> str:
        """People read the action's label; the stored value (part of the hash chain) stays as it was written."""
        return action_label(obj.action)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
