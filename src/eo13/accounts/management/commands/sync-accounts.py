"""eo13 sync-accounts FILE: switch off the accounts of people who left, from HR's list of active staff (issue 15)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from eo13.accounts.hr_sync import accounts_sync
from eo13.training.cli import run_import


class Command(BaseCommand):
    help = (
        "Read HR's CSV of active staff (columns employee_id, agency). Accounts made by City sign-in whose employee "
        "id is not listed are switched off, their sessions ended and API tokens revoked. A file with any bad row "
        "changes nothing (exit 2)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        run_import(self, options["file"], accounts_sync, "accounts")  # type: ignore[arg-type]
