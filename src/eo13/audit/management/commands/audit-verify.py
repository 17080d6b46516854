"""eo13 audit-verify [--checkpoint FILE]: exit 0 with the number of entries when every chain and stored checkpoint is
intact; exit 1 naming the first break (or a rewrite behind a signed checkpoint); exit 2 when the checkpoint file
itself is bad."""

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from eo13.audit.verify import BadCheckpoint, checkpoint_read, verify_chain


class Command(BaseCommand):
    help = "Walk the hash-chained audit log (every chain and checkpoint) and report the first break, if any."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--checkpoint", help="A file written by `eo13 audit-checkpoint`; the log must extend it.")

    def handle(self, *args: Any, **options: Any) -> None:
        checkpoint = None
        if options.get("checkpoint"):
            try:
                checkpoint = checkpoint_read(Path(options["checkpoint"]).read_text(encoding="utf-8"))
            except (OSError, BadCheckpoint) as exc:
                self.stderr.write(f"audit-verify: {exc}")
                sys.exit(2)
        result = verify_chain(checkpoint)
        if result.ok:
            extra = f", extends the checkpoint of {checkpoint['at']}" if checkpoint else ""
            self.stdout.write(f"audit log intact: {result.count} entries{extra}")
            return
        where = f"entry #{result.broken_seq}" if result.broken_seq else "the end of the log"
        if result.checkpoint_seq:
            where = f"checkpoint #{result.checkpoint_seq}"
        self.stderr.write(f"audit log broken at {where}: {result.reason} ({result.count} entries verified before it)")
        sys.exit(1)
