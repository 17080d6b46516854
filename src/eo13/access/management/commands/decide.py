"""eo13 decide KIND [--facts FILE|-] [--partial]: the order's rules from the command line (INTERFACES §2).

Prints the decision (or an array of them) as JSON. Bad facts: exit 2, nothing on stdout, one JSON error on stderr.
Touches the database only when the facts name a registered property or agreement.
"""

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from eo13 import clock
from eo13.access.registry import DatabaseRegistry
from eo13.law.decide import decide, decide_batch
from eo13.law.decision_json import decisions_json
from eo13.law.fact_values import KINDS, FactsError


class Command(BaseCommand):
    help = "Decide lot-use, property-access, warrant or detainer facts given as JSON (a file, or - for stdin)."
    # System checks open the database (JSONField support); deciding plain facts must not need one.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("kind", help=f"one of: {', '.join(KINDS)}")
        parser.add_argument("--facts", default="-", help="a JSON file with one object or an array; - reads stdin")
        parser.add_argument("--partial", action="store_true", help="accept missing facts; list those that matter")

    def _fail(self, error: str, field: str) -> None:
        sys.stderr.write(json.dumps({"error": error, "field": field}) + "\n")
        sys.exit(2)

    def handle(self, *args: Any, **options: Any) -> None:
        kind = options["kind"]
        if kind not in KINDS:
            self._fail(f"unknown kind; use one of: {', '.join(KINDS)}", "kind")
        try:
            text = sys.stdin.read() if options["facts"] == "-" else open(options["facts"], encoding="utf-8").read()  # noqa: SIM115
        except OSError as exc:
            self._fail(f"cannot read the facts file: {exc.strerror}", "facts")
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            self._fail(f"not valid JSON (line {exc.lineno}, column {exc.colno})", "facts")
        today = clock.today()
        registry = DatabaseRegistry()
        try:
            if isinstance(raw, list):
                out: Any = decide_batch(kind, raw, today=today, partial=options["partial"], registry=registry)
            else:
                out = decide(kind, raw, today=today, partial=options["partial"], registry=registry)
        except FactsError as exc:
            self._fail(exc.error, exc.field)
        except DatabaseError:
            self._fail("the property and agreements registry is not available; run `eo13 migrate` first", "property_id")
        self.stdout.write(decisions_json(out))
