"""eo13 import-completions FILE: who finished which training course, from CSV (INTERFACES §5; EO 13 §2(2)).
All or nothing."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from eo13.training.cli import run_import
from eo13.training.importers import import_completions


class Command(BaseCommand):
    help = (
        "Import training completions from CSV with the columns agency, staff_id, course (the course code) and "
        "completed_on (YYYY-MM-DD). Importing a completion again updates its date. A file with any bad row "
        "changes nothing (exit 2)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        run_import(self, options["file"], import_completions, "completions")

    def canary_file(self, text: str, directory: Path) -> Path:
        """For the privacy canary test. A completion file has no free-text column, so ``text`` goes where a
        person types: the staff id. The importer must refuse it (it holds identifiers) without repeating it."""
        from eo13 import spreadsheet

        path = directory / "completions-canary.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = spreadsheet.writer(f)
            writer.writerow(["agency", "staff_id", "course", "completed_on"])
            writer.writerow(["ACS", text, "EO13-TRAINING", "2026-11-20"])
        return path
