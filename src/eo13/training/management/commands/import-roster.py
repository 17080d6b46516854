"""eo13 import-roster FILE: who each agency must train, from CSV (INTERFACES §5; EO 13 §2(2)). All or nothing."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from eo13.training.cli import run_import
from eo13.training.importers import import_roster


class Command(BaseCommand):
    help = (
        "Import the training roster from CSV with the columns agency, staff_id, name, role_group and optionally "
        "email, public_facing (yes/no). People of an agency missing from its re-import become inactive. "
        "A file with any bad row changes nothing (exit 2)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        run_import(self, options["file"], import_roster, "roster")

    # The name column holds the employee's own name: the canary test leaves people's names out of it.
    canary_field = "display_name"

    def canary_file(self, text: str, directory: Path) -> Path:
        """For the privacy canary test: a valid roster file with ``text`` in its free-text column (the name)."""
        from eo13 import spreadsheet

        path = directory / "roster-canary.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = spreadsheet.writer(f)
            writer.writerow(["agency", "staff_id", "name", "email", "role_group", "public_facing"])
            writer.writerow(["ACS", "CANARY-0001", text, "", "employee", "yes"])
        return path
