"""`eo13 decide` without starting Django when the facts need no database (issue 14: one decision in well under a
second instead of Django's start-up). The answers, errors and exit codes are those of the management command
(eo13.access.management.commands.decide); the registry starts Django only if the facts name a property or an
agreement by id.
"""

from __future__ import annotations

import gc
import json
import sys
from typing import Any

from eo13 import clock


class LazyRegistry:
    """The database registry, set up on first use only."""

    def __init__(self) -> None:
        self._real: Any = None

    def _registry(self) -> Any:
        if self._real is None:
            import django

            django.setup()
            from eo13.access.registry import DatabaseRegistry

            self._real = DatabaseRegistry()
        return self._real

    def property(self, ref: str) -> Any:
        return self._registry().property(ref)

    def agreement(self, ref: str) -> Any:
        return self._registry().agreement(ref)


def _fail(error: str, field: str) -> None:
    sys.stderr.write(json.dumps({"error": error, "field": field}) + "\n")
    sys.exit(2)


def run(argv: list[str]) -> bool:
    """Decide for ``eo13 decide ...`` and return True, or return False to leave it to Django (--help, odd flags)."""
    args = argv[2:]
    partial = "--partial" in args
    rest = [a for a in args if a != "--partial"]
    facts_path = "-"
    if len(rest) == 3 and rest[1] == "--facts":
        facts_path = rest[2]
    elif len(rest) == 2 and rest[1].startswith("--facts="):
        facts_path = rest[1].split("=", 1)[1]
    elif len(rest) != 1:
        return False
    kind = rest[0]
    if kind.startswith("-"):
        return False
    # A one-shot process that makes many small objects and frees them at exit: the cyclic collector would walk the
    # whole growing batch again and again (a third of a 20,000 batch's time; issue 14). Reference counting still
    # frees everything that is not a cycle.
    gc.disable()
    from eo13.law.decide import decide, decide_batch
    from eo13.law.decision_json import decisions_json
    from eo13.law.fact_values import KINDS, FactsError

    if kind not in KINDS:
        _fail(f"unknown kind; use one of: {', '.join(KINDS)}", "kind")
    try:
        if facts_path == "-":
            text = sys.stdin.read()
        else:
            with open(facts_path, encoding="utf-8") as f:
                text = f.read()
    except OSError as exc:
        _fail(f"cannot read the facts file: {exc.strerror}", "facts")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        _fail(f"not valid JSON (line {exc.lineno}, column {exc.colno})", "facts")
    today = clock.today()
    registry = LazyRegistry()
    try:
        if isinstance(raw, list):
            out: Any = decide_batch(kind, raw, today=today, partial=partial, registry=registry)
        else:
            out = decide(kind, raw, today=today, partial=partial, registry=registry)
    except FactsError as exc:
        _fail(exc.error, exc.field)
    except Exception as exc:  # the registry's database
        if type(exc).__module__.startswith("django.db") or "DatabaseError" in type(exc).__name__:
            _fail("the property and agreements registry is not available; run `eo13 migrate` first", "property_id")
        raise
    sys.stdout.write(decisions_json(out) + "\n")
    return True
