"""Records of the privacy app (EO 13 §6; Admin Code §§23-1201 to 23-1205).

The register holds City officials (privacy officers) by name, and never the New Yorkers whose data an outside
agency asked for: a request records counts and categories only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from eo13.law import identifying_information as ii
from eo13.scrub import ReportsRemoved


class PrivacyOfficerDesignation(ReportsRemoved, models.Model):
    """An agency's privacy officer for a span of time (EO 13 §6). Open while ``ended_on`` is empty."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="privacy_designations")
    full_name = models.CharField(max_length=200)
    title = models.CharField(max_length=200)
    email = models.EmailField()
    phone = models.CharField(max_length=40)
    designated_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["agency__code", "-designated_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency"], condition=Q(ended_on__isnull=True), name="one_current_privacy_officer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.agency.code})"

    @property
    def subject(self) -> str:
        """How the obligations engine names duties about this officer."""
        return f"privacy-officer:{self.pk}"


class PrivacyOfficerVacancy(ReportsRemoved, models.Model):
    """The agency's privacy officer left; a new one is due within 30 days (EO 13 §6)."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="privacy_vacancies")
    vacated_on = models.DateField()
    previous = models.ForeignKey(
        PrivacyOfficerDesignation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    filled_by = models.ForeignKey(
        PrivacyOfficerDesignation, null=True, blank=True, on_delete=models.SET_NULL, related_name="filled_vacancy"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-vacated_on", "-id"]
        verbose_name_plural = "privacy officer vacancies"
        constraints = [
            models.UniqueConstraint(fields=["agency"], condition=Q(filled_by__isnull=True), name="one_open_vacancy")
        ]

    def __str__(self) -> str:
        return f"{self.agency.code} vacancy from {self.vacated_on}"


class PrivacyProtocol(ReportsRemoved, models.Model):
    """A version of the CPO's protocols for protecting identifying information (EO 13 §6(2))."""

    number = models.PositiveIntegerField(unique=True)
    title = models.CharField(max_length=200)
    body = models.TextField()
    effective_on = models.DateField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"Protocol version {self.number}: {self.title}"


class ProtocolAcknowledgement(models.Model):
    protocol = models.ForeignKey(PrivacyProtocol, on_delete=models.CASCADE, related_name="acknowledgements")
    designation = models.ForeignKey(
        PrivacyOfficerDesignation, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["protocol", "designation"], name="one_ack_per_version")]

    def __str__(self) -> str:
        return f"Protocol {self.protocol_id} acknowledged for officer {self.designation_id}"


class TrainingKind(models.TextChoices):
    # §6(1), first sentence: the Identifying Information Law; second sentence: further privacy laws.
    IDENTIFYING_INFORMATION_LAW = "identifying_information_law", "Identifying Information Law (EO 13 §6(1))"
    ADDITIONAL_PRIVACY_LAWS = "additional_privacy_laws", "Additional privacy laws (EO 13 §6(1))"


class TrainingSession(ReportsRemoved, models.Model):
    """A training the CPO gives privacy officers (EO 13 §6(1))."""

    kind = models.CharField(max_length=40, choices=TrainingKind.choices)
    topic = models.CharField(max_length=200)
    held_on = models.DateField()
    protocol = models.ForeignKey(PrivacyProtocol, null=True, blank=True, on_delete=models.SET_NULL)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.topic} ({self.held_on})"


class TrainingAttendance(models.Model):
    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="attendance")
    designation = models.ForeignKey(
        PrivacyOfficerDesignation, on_delete=models.CASCADE, related_name="training_attendance"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "designation"], name="one_attendance")]

    def __str__(self) -> str:
        return f"Officer {self.designation_id} at session {self.session_id}"


INSTRUMENT_CHOICES = [(r.instrument.value, r.label) for r in ii.INSTRUMENTS]


class RequestStatus(models.TextChoices):
    """Where a request stands, worked out from its dates (never stored); the API sends the value."""

    OPEN = "open", "Open"
    REFERRED = "referred", "Sent to the Law Department"
    DECIDED = "decided", "Decided"
    DISCLOSED = "disclosed", "Information shared"


DECISION_CHOICES = list(ii.DECISION_LABELS.items())


class IdentifyingInformationRequest(ReportsRemoved, models.Model):
    """An outside agency asked this agency for identifying information (EO 13 §6; Admin Code §23-1202).

    Counts and categories only: never who the people are.
    """

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="ii_requests")
    reference = models.CharField(max_length=40, unique=True)
    requesting_agency = models.CharField(max_length=200)
    instrument = models.CharField(max_length=40, choices=INSTRUMENT_CHOICES)
    received_on = models.DateField()
    respond_by = models.DateField(null=True, blank=True)
    categories = models.JSONField(default=list)
    people_count = models.PositiveIntegerField(null=True, blank=True)
    summary = models.TextField(blank=True)
    assigned_officer = models.ForeignKey(
        PrivacyOfficerDesignation, null=True, blank=True, on_delete=models.SET_NULL, related_name="requests"
    )
    law_department_referred_on = models.DateField(null=True, blank=True)
    law_department_note = models.TextField(blank=True)
    decision = models.CharField(max_length=30, choices=DECISION_CHOICES, blank=True)
    decision_reasons = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    disclosed_categories = models.JSONField(default=list, blank=True)
    disclosed_on = models.DateField(null=True, blank=True)
    disclosure_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    disclosure_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["agency", "received_on"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def needs_law_department(self) -> bool:
        return ii.needs_law_department(self.instrument)

    @property
    def status(self) -> RequestStatus:
        if self.disclosed_on:
            return RequestStatus.DISCLOSED
        if self.decision:
            return RequestStatus.DECIDED
        if self.law_department_referred_on:
            return RequestStatus.REFERRED
        return RequestStatus.OPEN

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def flagged(self) -> list[ii.Category]:
        return ii.singled_out(self.categories)

    def category_labels(self) -> list[str]:
        return [ii.category(k).label for k in self.categories if not ii.unknown_categories([k])]

    def disclosed_labels(self) -> list[str]:
        return [ii.category(k).label for k in self.disclosed_categories if not ii.unknown_categories([k])]
