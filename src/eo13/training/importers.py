"""The roster and completion CSV imports (INTERFACES §5; EO 13 §2(2)). All or nothing.

Every row is checked first. Any bad row means nothing changes; each bad row comes back as (line, reason), and a
reason never repeats the refused value. Re-importing updates in place: the roster is keyed by agency and staff
id, and people of an agency that are missing from its re-import become inactive. One audit entry per import
carries the counts and the file's SHA-256.

Roster columns: ``agency, staff_id, name, role_group`` and optionally ``email, public_facing`` (yes/no).
Completion columns: ``agency, staff_id, course, completed_on`` (course code; date as YYYY-MM-DD, New York).
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from eo13.accounts.actors import Actor
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.errors import ValidationFailed
from eo13.spreadsheet import csv_problem
from eo13.training import rules
from eo13.training.bulk_write import (
    CopySink,
    ImportRaced,
    VersionedUpdate,
    completion_updates,
    execute_all,
    insert_people,
)
from eo13.training.models import Completion, Course, RosterPerson
from eo13.training.permissions import ROSTER_ACCESS
from eo13.training.roster_plan import RosterPlan

ROSTER_REQUIRED = ("agency", "staff_id", "name", "role_group")
ROSTER_OPTIONAL = ("email", "public_facing")
COMPLETION_REQUIRED = ("agency", "staff_id", "course", "completed_on")
# A sanity bound, not a capacity limit: the roster import streams (issue 14: 350,000 people in one file).
MAX_ROWS = 1_000_000
Progress = Callable[[Iterable[Any]], Iterable[Any]]


@dataclass
class ImportReport:
    sha256: str
    errors: list[tuple[int, str]] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: dict[str, int] = field(default_factory=dict)  # agency code -> people marked inactive
    scrubbed: int = 0  # names from which the scrubber removed an identifier

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self, noun: str) -> str:
        text = f"Imported {noun}: {self.created} new, {self.updated} updated, {self.unchanged} unchanged."
        if self.deactivated:
            parts = ", ".join(f"{code} {n}" for code, n in sorted(self.deactivated.items()))
            total = sum(self.deactivated.values())
            text += f" {total} people no longer listed were marked inactive ({parts})."
        if self.scrubbed:
            text += f" Personal identifiers were removed from {self.scrubbed} name(s)."
        return text


def _may_write(actor: Actor) -> Callable[[Agency], bool]:
    """The command line (a string actor) may import for any agency; a signed-in user only where their role
    lets them change the roster (an agency lead: their own agency)."""
    if isinstance(actor, str):
        return lambda agency: True
    allowed: dict[int, bool] = {}  # one permission check per agency, not one per row

    def check(agency: Agency) -> bool:
        if agency.pk not in allowed:
            allowed[agency.pk] = ROSTER_ACCESS.can_write(actor, agency_id=agency.pk)
        return allowed[agency.pk]

    return check


def _rows(
    data: bytes, required: tuple[str, ...], optional: tuple[str, ...], report: ImportReport, progress: Progress | None
) -> Iterator[tuple[int, dict[str, str]]]:
    """The decoded rows with their line numbers, read as they are needed (a 350,000-row file is never a list of
    dicts); header and CSV errors go in ``report``."""
    # The whole file is checked first, so a file that is not UTF-8 is refused before any row (as it always was).
    if not data.isascii():
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            report.errors.append((1, "the file is not UTF-8 text"))
            return
    reader = csv.DictReader(io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline=""))
    try:
        header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    except csv.Error as exc:
        report.errors.append((reader.line_num or 1, csv_problem(exc)))
        return
    missing = [c for c in required if c not in header]
    unknown = [c for c in header if c not in required + optional]
    if missing:
        report.errors.append((1, f"missing columns: {', '.join(missing)}"))
    if unknown:
        report.errors.append((1, f"{len(unknown)} unknown column(s); allowed: {', '.join(required + optional)}"))
    if len(set(header)) != len(header):
        report.errors.append((1, "a column name repeats"))
    if report.errors:
        return
    # The rows as DictReader reads them (blank lines skipped, missing fields empty), without its dict per row.
    lines = reader.reader
    width = len(header)
    count = 0
    try:
        for fields in progress(lines) if progress else lines:
            if not fields:
                continue
            line = lines.line_num
            if len(fields) > width:
                report.errors.append((line, "the row has more fields than the header"))
            elif count >= MAX_ROWS:
                report.errors.append((line, f"the file has more than {MAX_ROWS:,} rows"))
                break
            else:
                count += 1
                row = dict(zip(header, map(str.strip, fields), strict=False))
                for name in header[len(fields) :]:
                    row[name] = ""
                yield line, row
    except csv.Error as exc:  # a field over the csv module's limit, a NUL byte: name the line, import nothing
        # The raw reader has already counted the line it failed on (DictReader's own count lagged one behind).
        report.errors.append((max(lines.line_num, 1), csv_problem(exc)))
    if not count and not report.errors:
        report.errors.append((1, "the file has no rows"))


def _agency(code: str, agencies: dict[str, Agency], may_write: Callable[[Agency], bool]) -> Agency:
    agency = agencies.get(code.upper())
    if agency is None:
        raise ValidationFailed("agency is not a known agency code (INTERFACES §4)", field="agency")
    if not may_write(agency):
        raise ValidationFailed(f"you may not change {agency.code}'s training records", field="agency")
    return agency


def import_roster(data: bytes, *, actor: Actor, progress: Progress | None = None) -> ImportReport:
    """Import who must be trained (EO 13 §2(2)); see the module docstring for the columns."""
    report = ImportReport(sha256=hashlib.sha256(data).hexdigest())
    agencies = {a.code: a for a in Agency.objects.filter(active=True)}
    may_write = _may_write(actor)
    plan = RosterPlan(lambda code: _agency(code, agencies, may_write))
    rows = _rows(data, ROSTER_REQUIRED, ROSTER_OPTIONAL, report, progress)
    now = timezone.now()
    try:
        if connection.vendor == "postgresql":
            # New people go by COPY while the file is read (the database stores rows while Python checks the next
            # ones, issue 14); a bad row anywhere rolls it all back. PostgreSQL has no database-wide write lock.
            with transaction.atomic():
                _feed_into_copy(plan, rows, now)
                _write(report, plan, now, actor)
        else:
            # Rows are checked and compared with what is stored before the transaction, which then only writes in
            # bulk, so SQLite's write lock is held briefly (issue 9, Medium 7).
            plan.feed(rows)
            with transaction.atomic():
                _write(report, plan, now, actor)
    except _Refused:
        report.scrubbed = 0
        return report
    except (ImportRaced, IntegrityError):
        return _raced(report)
    return report


class _Refused(Exception):
    """A bad row: nothing is written (the transaction, if one is open, rolls back)."""


def _feed_into_copy(plan: RosterPlan, rows: Iterable[tuple[int, dict[str, str]]], now: Any) -> None:
    plan.sink = CopySink(now)
    try:
        plan.feed(rows)
    except BaseException:
        plan.sink.abort()
        raise
    plan.sink.pause()


def _write(report: ImportReport, plan: RosterPlan, now: Any, actor: Actor) -> None:
    """The writes, inside the transaction. A row someone changed since it was read fails its version check
    (ImportRaced) and the whole import rolls back."""
    report.errors.extend(plan.errors)  # after the file's own errors, as the rows' checks always came second
    if report.errors:
        raise _Refused
    gone, report.deactivated = plan.gone()
    report.created, report.updated, report.unchanged = plan.created, len(plan.changed), plan.unchanged
    report.scrubbed = plan.scrubbed
    codes = sorted(plan.codes.values())
    insert_people(plan.new, now)
    VersionedUpdate(now, plan.changed + gone).run()
    _audit_import(
        actor,
        AuditAction.TRAINING_ROSTER_IMPORT,
        "training.RosterPerson",
        report,
        codes,
        deactivated={"new": report.deactivated},
    )


def _audit_import(
    actor: Actor, action: AuditAction, model: str, report: ImportReport, codes: list[str], **more: Any
) -> None:
    """The one audit entry of an import: the file's hash, the agencies it touched and its counts."""
    audit_record(
        actor=actor,
        action=action,
        model=model,
        agency_code=codes[0] if len(codes) == 1 else "",
        changes={
            "file_sha256": {"new": report.sha256},
            "agencies": {"new": codes},
            "created": {"new": report.created},
            "updated": {"new": report.updated},
            "unchanged": {"new": report.unchanged},
            **more,
        },
    )


RACED = "the records changed while this file was being imported; nothing was changed, import it again"


def _raced(report: ImportReport) -> ImportReport:
    report.errors.append((0, RACED))
    report.created = report.updated = report.unchanged = 0
    report.deactivated = {}
    return report


def _codes_by_id(agencies: dict[str, Agency]) -> dict[int, str]:
    return {a.pk: code for code, a in agencies.items()}


def import_completions(data: bytes, *, actor: Actor, progress: Progress | None = None) -> ImportReport:
    """Import who finished which course, and when (EO 13 §2(2)); see the module docstring for the columns."""
    report = ImportReport(sha256=hashlib.sha256(data).hexdigest())
    rows = list(_rows(data, COMPLETION_REQUIRED, (), report, progress))
    agencies = {a.code: a for a in Agency.objects.filter(active=True)}
    may_write = _may_write(actor)
    parsed: list[tuple[int, Agency, str, str, Any]] = []
    for line, row in rows:
        try:
            agency = _agency(row["agency"], agencies, may_write)
            staff_id = rules.clean_staff_id(row["staff_id"])
            code = rules.clean_course_code(row["course"])
            day = rules.clean_completed_on(row["completed_on"])
        except ValidationFailed as exc:
            report.errors.append((line, exc.message))
            continue
        parsed.append((line, agency, staff_id, code, day))
    ids = {agency.pk for _, agency, _, _, _ in parsed}
    people = {(p.agency_id, p.staff_id): p for p in RosterPerson.objects.filter(agency_id__in=ids)}
    courses = {(c.agency_id, c.code): c for c in Course.objects.filter(agency_id__in=ids)}
    seen: dict[tuple[int, int], int] = {}
    clean: list[tuple[RosterPerson, Course, Any]] = []
    for line, agency, staff_id, code, day in parsed:
        person = people.get((agency.pk, staff_id))
        course = courses.get((agency.pk, code))
        if person is None:
            report.errors.append((line, f"staff id is not on {agency.code}'s roster; import the roster first"))
            continue
        if course is None:
            report.errors.append((line, f"{agency.code} has no course with this code"))
            continue
        key = (person.pk, course.pk)
        if key in seen:
            report.errors.append((line, f"the same person and course repeat line {seen[key]}"))
            continue
        seen[key] = line
        clean.append((person, course, day))
    if report.errors:
        return report

    existing = {
        (c.person_id, c.course_id): c for c in Completion.objects.filter(person_id__in={p.pk for p, _, _ in clean})
    }
    now = timezone.now()
    new: list[Completion] = []
    changed: list[tuple[Any, ...]] = []
    for person, course, day in clean:
        done = existing.get((person.pk, course.pk))
        if done is None:
            new.append(Completion(person=person, course=course, completed_on=day))
        elif done.completed_on != day:
            changed.append((day, now, done.pk, done.completed_on))
        else:
            report.unchanged += 1
    report.created, report.updated = len(new), len(changed)
    code_of = _codes_by_id(agencies)
    codes = sorted({code_of[person.agency_id] for person, _, _ in clean})
    update_sql, params = completion_updates(changed)
    try:
        with transaction.atomic():
            Completion.objects.bulk_create(new, batch_size=1000)
            execute_all(update_sql, params)
            _audit_import(actor, AuditAction.TRAINING_COMPLETIONS_IMPORT, "training.Completion", report, codes)
    except (ImportRaced, IntegrityError):
        return _raced(report)
    return report
