"""eo13 audit-verify: exit 0 with the number of entries when the chain is intact; exit 1 naming the first break."""

import sys
from typing import Any

from django.core.management.base import BaseCommand

from eo13.audit.verify import verify_chain


class Command(BaseCommand):
    help = "Walk the hash-chained audit log and report the first broken entry, if any."

    def handle(self, *args: Any, **options: Any) -> None:
        result = verify_chain()
        if result.ok:
            self.stdout.write(f"audit log intact: {result.count} entries")
            return
        where = f"entry #{result.broken_seq}" if result.broken_seq else "the end of the log"
        self.stderr.write(f"audit log broken at {where}: {result.reason} ({result.count} entries verified before it)")
        sys.exit(1)
