"""eo13 due EVENT DATE [--agency CODE] [--json] [--convention calendar|gcl-25a] (INTERFACES §3).

Lists what an event makes due, computed from the order's own rules. Needs no database: the offices come from
the registry's reference file.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from eo13.agencies.reference import agency_rows
from eo13.deadlines import convention as city_convention
from eo13.deadlines import duties_due
from eo13.law.deadlines import CONVENTION_TEXT, EVENTS, Convention, check_event_date, parse_strict_date
from eo13.law.obligations import CatalogueError, Office


def _offices() -> list[Office]:
    return [
        Office(r["code"], r["kind"], r.get("is_section_2", False), r.get("mayor_appoints_board_majority"))
        for r in agency_rows()
    ]


class Command(BaseCommand):
    help = "List what an event makes due under EO 13, with dates computed from the order's rules."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("event", help=f"one of: {', '.join(EVENTS)}")
        parser.add_argument("date", help="the day the event happened, YYYY-MM-DD")
        parser.add_argument("--agency", help="an agency code (INTERFACES §4), such as ACS")
        parser.add_argument("--json", action="store_true", help="print a JSON array")
        parser.add_argument(
            "--convention",
            choices=[c.value for c in Convention],
            default=None,
            help="calendar (calendar days, no roll-forward) or gcl-25a (roll to the next business day, General "
            "Construction Law §25-a); the default is the EO13_DEADLINE_CONVENTION setting (calendar unless set)",
        )

    def _fail(self, message: str, field: str) -> None:
        sys.stderr.write(json.dumps({"error": message, "field": field}) + "\n")
        raise SystemExit(2)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            on = parse_strict_date(options["date"])
        except ValueError:
            self._fail(f"{options['date']!r} is not a date; write YYYY-MM-DD.", "date")
        if options["event"] not in EVENTS:
            self._fail(f"Unknown event {options['event']!r}; use one of {', '.join(EVENTS)}.", "event")
        if problem := check_event_date(options["event"], on):
            self._fail(problem, "date")
        convention = Convention(options["convention"]) if options["convention"] else city_convention()
        if options["agency"] is not None and not options["agency"].strip():
            self._fail("--agency is empty; give an agency code such as ACS (INTERFACES §4).", "agency")
        agency = options["agency"].strip().upper() if options["agency"] else None
        try:
            duties = duties_due(options["event"], on, _offices(), agency=agency, counting=convention)
        except CatalogueError as exc:
            self._fail(str(exc), "agency")
        rows = [
            {
                "obligation": d.key,
                "section": d.spec.section,
                "responsible": d.responsible,
                "due": d.due.isoformat() if d.due else None,
                "summary": d.spec.summary,
                "concerns": d.concerns,
                "title": d.spec.title,
                "binding": d.spec.binding,
                "stated_in_order": d.spec.stated.isoformat()
                if d.spec.stated and options["event"] == "order-issued"
                else None,
                "counted": d.counted.isoformat() if d.counted else None,
                "non_business_day": d.non_business_day,
                "convention": convention.value,
            }
            for d in duties
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{options['event']} on {on.isoformat()}" + (f", {agency}" if agency else ""))
        self.stdout.write(f"Days: {CONVENTION_TEXT[convention]}")
        for r in rows:
            due = r["due"] or "no set date"
            flags = []
            if r["non_business_day"]:
                flags.append(f"falls on a non-business day: {r['non_business_day']}")
            if r["due"] != r["counted"] and r["counted"]:
                flags.append(f"rolled forward from {r['counted']}")
            if not r["binding"]:
                flags.append("encouraged, not required")
            about = f" (for {r['concerns']})" if r["concerns"] else ""
            self.stdout.write(f"{due:12s} {r['section']:15s} {r['responsible']:9s} {r['obligation']}{about}")
            if flags:
                self.stdout.write(f"{'':12s} ! {'; '.join(flags)}")
