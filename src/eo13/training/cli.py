"""What the two import commands share: read the file, show progress on a terminal only, print bad rows as
``line N: reason`` on stderr and exit 2, or print the counts (INTERFACES §5)."""

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from eo13.training.importers import ImportReport


def run_import(command: BaseCommand, path: Path, importer: Callable[..., ImportReport], noun: str) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        command.stderr.write(f"cannot read {path}: {exc.strerror}")
        sys.exit(2)
    progress = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        def progress(rows: Any) -> Any:
            return tqdm(rows, desc="checking rows", unit=" rows", file=sys.stderr)

    report = importer(data, actor=f"import-{noun}", progress=progress)
    if not report.ok:
        for line, reason in report.errors:
            command.stderr.write(f"line {line}: {reason}")
        command.stderr.write(f"{len(report.errors)} bad row(s); nothing was imported.")
        sys.exit(2)
    command.stdout.write(report.summary(noun))
