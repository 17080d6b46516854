"""eo13 audit-checkpoint [--output FILE]: record every audit chain's head hash and count now, signed (Ed25519, a key
derived from the audit key) and chained to the last checkpoint in the database; also write it to FILE or to the
log. Keep copies outside the database; `eo13 audit-verify --checkpoint FILE` then catches a chain rewritten behind
one even if the stored checkpoints were removed too. The task worker writes one every few minutes on its own."""

import json
import logging
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from eo13.audit.checkpoints import checkpoint_make

log = logging.getLogger("eo13.audit")


class Command(BaseCommand):
    help = "Write a signed checkpoint of the audit log (every chain's head and count, time) to a file or the log."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", help="File to write the checkpoint to (default: the log).")

    def handle(self, *args: Any, **options: Any) -> None:
        checkpoint = checkpoint_make()
        text = json.dumps(checkpoint, sort_keys=True)
        if options.get("output"):
            Path(options["output"]).write_text(text + "\n", encoding="utf-8")
            self.stdout.write(f"audit checkpoint written to {options['output']}: {checkpoint['count']} entries")
        else:
            log.warning("audit checkpoint %s", text)
            self.stdout.write(text)
