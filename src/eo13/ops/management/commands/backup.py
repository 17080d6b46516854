"""eo13 backup DEST: the database and the evidence files, with a manifest of hashes (issue 14)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from eo13.ops.backup import backup_create


class Command(BaseCommand):
    help = "Back up the database (pg_dump or SQLite's backup) and the evidence files, with a manifest of hashes."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dest", type=Path, help="Folder to write the backup folder into.")

    def handle(self, *args: Any, **options: Any) -> None:
        folder = backup_create(options["dest"])
        self.stdout.write(str(folder))
