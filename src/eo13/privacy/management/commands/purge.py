"""eo13 purge: apply each record type's retention period and record in the audit log that it ran."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from eo13.errors import EO13Error
from eo13.privacy.purge import purge_run


class Command(BaseCommand):
    help = "Delete records older than their retention period (settings.EO13_RETENTION_DAYS); logs that it ran."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Count what would go; delete nothing.")
        parser.add_argument("--today", help="Run as of this New York date (YYYY-MM-DD); default today.")

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["today"]:
            try:
                today = date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError("--today must be a date like 2026-11-27.") from None
        try:
            results = purge_run(today=today, dry_run=options["dry_run"])
        except EO13Error as exc:
            raise CommandError(exc.message) from None
        verb = "would delete" if options["dry_run"] else "deleted"
        for r in results:
            line = f"{r.record_type}: kept {r.days} days; {verb} {r.count} older than {r.cutoff.isoformat()}"
            self.stdout.write(line + (f" ({r.error})" if r.error else ""))
        if not results:
            self.stdout.write("No retention rules are registered.")
