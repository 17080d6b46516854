"""The roster import's row work, streamed (issue 14): rows are checked in batches as the file is read, compared with
what is stored as plain tuples (never model objects), and only new and changed people are kept for the write.

350,000 people used to become 350,000 dicts, then 350,000 model objects to compare, and the file was refused above
100,000 rows. Now a batch of rows is checked at once (the scrubber runs once over a batch: ``eo13.scrub.batch``),
each agency's stored roster is read once as tuples, an unchanged person is counted and forgotten, and the people
of an agency missing from the file are what is left of its stored roster at the end.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection

from eo13.agencies.models import Agency
from eo13.errors import ValidationFailed
from eo13.scrub.batch import clean_texts
from eo13.training import rules
from eo13.training.bulk_write import column
from eo13.training.models import RosterPerson

BATCH = 2_000
# The stored columns an import sets, in this order everywhere (the tuples below and bulk_write's statements).
FIELDS = ("display_name", "work_email", "role_group", "public_facing", "active")
# A stored person: (id, version, display_name, work_email, role_group, public_facing, active).
Stored = tuple[int, int, str, str, str, bool, bool]


def _memo(check: Callable[[str], Any]) -> Callable[[str], Any]:
    """A check of a column with few distinct values (agency, role group, yes/no), worked out once per value."""
    seen: dict[str, Any] = {}

    def run(value: str) -> Any:
        if value not in seen:
            try:
                seen[value] = check(value)
            except ValidationFailed as exc:
                seen[value] = exc
        result = seen[value]
        if isinstance(result, ValidationFailed):
            raise result
        return result

    return run


class RosterPlan:
    """Fed the file's rows batch by batch; collects errors, counts, and what the write must do."""

    def __init__(self, agency_of: Callable[[str], Agency]) -> None:
        # Raises ValidationFailed for an unknown agency or one the actor may not change.
        self.agency_of = _memo(lambda code: agency_of(self._paused(code)))
        self.errors: list[tuple[int, str]] = []
        self.new: list[tuple[Any, ...]] = []  # (agency_id, staff_id, display_name, work_email, role_group, flag)
        self.created = 0
        self.sink: Any = None  # on PostgreSQL, new people go to an open COPY as they are met (bulk_write.CopySink)
        self.changed: list[tuple[Any, ...]] = []  # (id, version, *FIELDS)
        self.unchanged = 0
        self.scrubbed = 0
        self.codes: dict[int, str] = {}  # the agencies in the file
        self.seen: dict[int, dict[str, int]] = {}  # agency id -> staff id -> line
        self.stored: dict[int, dict[str, Stored]] = {}  # agency id -> what is stored, less the people already met
        self.role_group = _memo(rules.clean_role_group)
        self.flag = _memo(lambda v: rules.parse_flag(v, "public_facing"))

    def _paused(self, code: str) -> str:
        """Before a check that may ask the database (the actor's permission for an agency): the COPY waits."""
        if self.sink is not None:
            self.sink.pause()
        return code

    def feed(self, rows: Iterable[tuple[int, dict[str, str]]]) -> None:
        batch: list[tuple[int, dict[str, str]]] = []
        for item in rows:
            batch.append(item)
            if len(batch) >= BATCH:
                self._batch(batch)
                batch = []
        if batch:
            self._batch(batch)

    def _batch(self, batch: list[tuple[int, dict[str, str]]]) -> None:
        ids_ok = clean_texts([row["staff_id"] for _, row in batch])
        names_ok = clean_texts([row["name"] for _, row in batch], keep=("name",))
        for (line, row), id_ok, name_ok in zip(batch, ids_ok, names_ok, strict=True):
            try:
                agency = self.agency_of(row["agency"])
                staff_id = rules.clean_staff_id(row["staff_id"], scrub_checked=id_ok)
                name = rules.clean_display_name(row["name"], scrub_checked=name_ok)
                values = (
                    name,
                    rules.clean_work_email(row.get("email")),
                    self.role_group(row["role_group"]),
                    self.flag(row.get("public_facing") or ""),
                )
            except ValidationFailed as exc:
                self.errors.append((line, exc.message))
                continue
            agency_id = agency.pk
            seen = self.seen.get(agency_id)
            if seen is None:
                seen = self.seen[agency_id] = {}
                self.codes[agency_id] = agency.code
            first = seen.setdefault(staff_id, line)
            if first != line:
                self.errors.append((line, f"staff id repeats line {first}"))
                continue
            self.scrubbed += name != row["name"]
            if not self.errors:  # once a row is bad nothing will be written: only the checks go on
                self._compare(agency_id, staff_id, values)

    def _compare(self, agency_id: int, staff_id: str, values: tuple[Any, ...]) -> None:
        stored = self.stored.get(agency_id)
        if stored is None:
            if self.sink is not None:
                self.sink.pause()  # the connection answers one statement at a time: the COPY waits for the read
            stored = self.stored[agency_id] = _stored(agency_id)
        old = stored.pop(staff_id, None)
        if old is None:
            self.created += 1
            if self.sink is not None:
                self.sink.write((agency_id, staff_id, *values))
            else:
                self.new.append((agency_id, staff_id, *values))
        elif old[2:] == (*values, True):
            self.unchanged += 1
        else:
            self.changed.append((old[0], old[1], *values, True))

    def gone(self) -> tuple[list[tuple[Any, ...]], dict[str, int]]:
        """People of the file's agencies who are not in it and still active: they become inactive."""
        rows: list[tuple[Any, ...]] = []
        counts: dict[str, int] = {}
        for agency_id, left in self.stored.items():
            for old in left.values():
                if old[6]:
                    rows.append((*old[:6], False))
                    counts[self.codes[agency_id]] = counts.get(self.codes[agency_id], 0) + 1
        return rows, dict(sorted(counts.items()))


def _stored(agency_id: int) -> dict[str, Stored]:
    """One agency's stored roster as tuples, read once in one query (no model objects: a re-import of 350,000
    people built them all only to compare them)."""
    meta = RosterPerson._meta
    qn = connection.ops.quote_name
    columns = ", ".join(column(RosterPerson, f) for f in ("staff_id", "id", "version", *FIELDS))
    intern = sys.intern  # the role groups repeat: one string each, not one per person
    with connection.cursor() as cursor:
        # Identifiers come from the model's own metadata; the agency is a parameter.
        cursor.execute(f"SELECT {columns} FROM {qn(meta.db_table)} WHERE {qn('agency_id')} = %s", [agency_id])  # noqa: S608
        return {r[0]: (r[1], r[2], r[3], r[4], intern(r[5]), bool(r[6]), bool(r[7])) for r in cursor.fetchall()}
