"""Obligations per office, the events that made them due, their evidence, reminders and calendar feeds.

The catalogue itself lives in :mod:`eo13.law.obligations`; a row here is one office's copy of one duty.
Overdue and due-soon are derived from ``due`` and today, never stored.
"""

from django.conf import settings
from django.db import models

from eo13.law.deadlines import event_label


class Status(models.TextChoices):
    OPEN = "open", "Open"
    SUBMITTED = "submitted", "Submitted for review"
    RETURNED = "returned", "Returned with comments"
    ACCEPTED = "accepted", "Accepted"
    # Closed because its subject no longer exists (a privacy officer replaced before training): not late, not done.
    SUPERSEDED = "superseded", "Closed: superseded"


OPEN_STATUSES = (Status.OPEN, Status.RETURNED)


class ObligationEvent(models.Model):
    """Something that happened and made duties due (INTERFACES §3): the order's issuance, a vacancy, ..."""

    event = models.CharField(max_length=40)
    on = models.DateField()
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="obligation_events"
    )
    subject = models.CharField(max_length=100, blank=True)
    # event|agency|subject|date: recording the same event twice finds this row instead of making another.
    dedupe_key = models.CharField(max_length=200, unique=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.CharField(max_length=150)

    class Meta:
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return f"{self.event} {self.on} {getattr(self.agency, 'code', '')}".strip()

    @property
    def event_label(self) -> str:
        return event_label(self.event)


class Obligation(models.Model):
    key = models.CharField(max_length=60, db_index=True)
    section = models.CharField(max_length=30)
    title = models.CharField(max_length=200)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="obligations")
    # The office the duty is about when another office owes it (the CPO trains ACS's privacy officer).
    concerns = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="obligations_about"
    )
    subject = models.CharField(max_length=100, blank=True)
    period = models.PositiveIntegerField(default=0)  # 1, 2, ... for recurring duties
    due = models.DateField(null=True, blank=True, db_index=True)
    stated_due = models.DateField(null=True, blank=True)
    binding = models.BooleanField(default=True)
    event = models.ForeignKey(ObligationEvent, on_delete=models.PROTECT, related_name="obligations")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    dedupe_key = models.CharField(max_length=250, unique=True)
    # Optimistic locking: a change carries the version it started from (two reviewers conflict, not overwrite).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = [models.F("due").asc(nulls_last=True), "key", "agency__code"]
        indexes = [
            models.Index(fields=["agency", "status"]),
            models.Index(fields=["key", "status"]),
            # The board's totals by status with the late ones, and its progress by completion day, are read off
            # these two without touching the table (issue 14).
            models.Index(fields=["status", "due"], name="obligation_status_due"),
            models.Index(fields=["completed_on"], name="obligation_completed_on"),
        ]

    def __str__(self) -> str:
        return f"{self.key} · {self.agency.code}" + (f" · {self.subject}" if self.subject else "")

    @property
    def concerns_code(self) -> str:
        return getattr(self.concerns, "code", "") if self.concerns_id else ""


class ObligationAction(models.Model):
    """One step on an obligation's timeline: created, submitted, returned, accepted, fulfilled."""

    obligation = models.ForeignKey(Obligation, on_delete=models.CASCADE, related_name="actions")
    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_name = models.CharField(max_length=150)
    action = models.CharField(max_length=20)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    note = models.TextField(blank=True)  # scrubbed

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.obligation_id} {self.action}"


def _evidence_path(instance: "Evidence", filename: str) -> str:
    # The stored name is the hash, never the uploader's file name.
    return f"evidence/{instance.sha256[:2]}/{instance.sha256}"


class Evidence(models.Model):
    obligation = models.ForeignKey(Obligation, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(upload_to=_evidence_path, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    effective_date = models.DateField(help_text="The date the evidence speaks for (not the upload date).")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.original_name


class ReminderSent(models.Model):
    """A reminder threshold already mailed for one obligation: never twice for the same threshold."""

    obligation = models.ForeignKey(Obligation, on_delete=models.CASCADE, related_name="reminders")
    threshold = models.IntegerField()  # days before the due date; -1 = the day it became overdue
    sent_on = models.DateField()
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["obligation", "threshold"], name="one_reminder_per_threshold")]

    def __str__(self) -> str:
        return f"{self.obligation_id} at {self.threshold}"


class ReminderDigest(models.Model):
    """One person's reminder e-mail for one day, claimed in the same transaction that sends it (issue 14).

    However many task workers run, and if one dies mid-run and the run is started again, a person gets each
    day's digest once: the unique row is the claim, and it is rolled back if the sending fails.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    duties = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "sent_on"], name="one_digest_per_person_per_day")]

    def __str__(self) -> str:
        return f"{self.user_id} on {self.sent_on}"


class CalendarFeed(models.Model):
    """A secret link to one office's deadlines as iCalendar. Only the token's hash is kept; revoking kills it."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="calendar_feeds")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.name}"


class AuditReport(models.Model):
    """The §2 audit report one of the six agencies sends the Mayor (EO 13 §2)."""

    agency = models.OneToOneField("agencies.Agency", on_delete=models.PROTECT, related_name="audit_report")
    findings = models.TextField(blank=True)
    policy_changes = models.TextField(blank=True)
    compliance_steps = models.TextField(blank=True)
    training = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"§2 audit report {self.agency_id}"


class BoardVersion(models.Model):
    """One row that changes whenever a duty, an event or an office changes: the board's cached counts are kept under
    it (issue 14).

    Database triggers change it (made by migrations/0005_boardversion.py and 0006_boardchange.py), so every write
    counts: a service's, a bulk update's, a fan-out's, a shell's. On PostgreSQL the trigger runs at COMMIT, so the
    row changes with the data it stands for, and it is locked only for the moment of a commit, after every other
    lock was taken. ``seq`` counts the commits that changed the board; ``token`` is new at each."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    token = models.CharField(max_length=40)
    seq = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"board version {self.seq} {self.token}"


class BoardChange(models.Model):
    """Which offices a commit that changed the board touched (written by the same triggers as BoardVersion), so the
    board counts again only those offices' duties (issue 14: the first view after a change).

    ``agency_id`` is a plain number, not a key: an office's rows stay when the office is deleted, and nothing here
    may block a write. None means anything may have changed (an event, or a table emptied). Rows older than the last
    5,000 commits are dropped by the triggers; counts kept from before then are counted again in full."""

    seq = models.BigIntegerField(db_index=True)
    token = models.CharField(max_length=40)
    agency_id = models.IntegerField(null=True)

    def __str__(self) -> str:
        return f"board change {self.seq}: {self.agency_id}"
