from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "eo13.audit"
    label = "audit"
    verbose_name = "Audit log"

    def ready(self) -> None:
        from eo13.audit import signals  # noqa: F401  (connects the admin hook)
