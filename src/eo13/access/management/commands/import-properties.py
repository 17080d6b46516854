"""eo13 import-properties FILE: the City property registry from a COLP CSV. All or nothing (INTERFACES §5)."""

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from eo13.access.importers import import_properties


class Command(BaseCommand):
    help = "Import City Owned and Leased Property (COLP) CSV rows; a file with any bad row changes nothing."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.stderr.write(f"cannot read {path}: {exc.strerror}")
            sys.exit(2)
        progress = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            def progress(rows: Any) -> Any:
                return tqdm(rows, desc="checking rows", unit=" rows", file=sys.stderr)

        result = import_properties(data, actor="import-properties", progress=progress)
        if result.errors:
            for line, reason in result.errors:
                self.stderr.write(f"line {line}: {reason}")
            self.stderr.write(f"{len(result.errors)} bad row(s); nothing was imported.")
            sys.exit(2)
        self.stdout.write(f"Imported {result.created} new and updated {result.updated} existing properties.")

    def canary_file(self, text: str, directory: Path) -> Path:
        """For the privacy canary test: a valid COLP file with ``text`` in its free-text columns."""
        from eo13.access.sample import generate_rows, to_csv

        rows = generate_rows(2, seed=99)
        for row in rows:
            row["PARCELNAME"] = text
        path = directory / "colp-canary.csv"
        path.write_text(to_csv(rows))
        return path
