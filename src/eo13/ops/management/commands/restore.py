"""eo13 restore FOLDER: check every hash in the manifest, then restore into a fresh database (issue 14).

Afterwards run `eo13 audit-verify`."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from eo13.ops.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup made by `eo13 backup` into a fresh, empty database and media folder."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = backup_restore(options["folder"])
        except BackupError as exc:
            raise CommandError(f"{exc} Nothing was changed.") from exc
        self.stdout.write(
            f"Restored the database and {len(manifest['files'])} evidence files "
            f"({manifest['audit_entries']} audit entries). Now run `eo13 audit-verify`."
        )
