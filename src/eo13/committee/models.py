"""The Interagency Response Committee's records (EO 13 §7, §8): members, crises and what happens in them, risks,
resource requests, contacts with outside officials and reports to the Mayor.

Nothing here names a member of the public. Committee members are City staff, kept with work contacts only.
Deadlines live in the obligations engine: a record that owes something points at its ``Obligation``.
"""

from django.conf import settings
from django.db import models

BOROUGHS = (
    ("manhattan", "Manhattan"),
    ("bronx", "Bronx"),
    ("brooklyn", "Brooklyn"),
    ("queens", "Queens"),
    ("staten_island", "Staten Island"),
)


class MemberRole(models.TextChoices):
    """EO 13 §7(2): the chair and three advisers; §7(3): each entity's senior operations managers."""

    CHAIR = "chair", "Chair (First Deputy Mayor)"
    CHIEF_COUNSEL = "chief_counsel", "Chief Counsel to the Mayor"
    SPECIAL_ADVISOR = "special_advisor", "Special Advisor for Strategic Coordination and Operations"
    MOIA_COMMISSIONER = "moia_commissioner", "Commissioner of MOIA"
    SENIOR_OPERATIONS_MANAGER = "senior_operations_manager", "Senior operations manager"
    ALTERNATE = "alternate", "Alternate"


LEADERSHIP_ROLES = (
    MemberRole.CHAIR,
    MemberRole.CHIEF_COUNSEL,
    MemberRole.SPECIAL_ADVISOR,
    MemberRole.MOIA_COMMISSIONER,
)


class CommitteeMember(models.Model):
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="committee_members")
    role = models.CharField(max_length=30, choices=MemberRole.choices)
    name = models.CharField(max_length=150)  # a City employee, not a member of the public
    job_title = models.CharField(max_length=150, blank=True)
    work_email = models.EmailField(blank=True)
    work_phone = models.CharField(max_length=40, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agency__code", "role", "name"]
        indexes = [models.Index(fields=["agency", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency_id}, {self.role})"


class CrisisStatus(models.TextChoices):
    MONITORING = "monitoring", "Monitoring"
    ACTIVE = "active", "Active"
    STOOD_DOWN = "stood_down", "Stood down"


class Crisis(models.Model):
    """A crisis the Committee coordinates the City's response to (EO 13 §7)."""

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=100)
    severity = models.PositiveSmallIntegerField(default=2)  # 1 low … 4 critical
    status = models.CharField(max_length=20, choices=CrisisStatus.choices, default=CrisisStatus.MONITORING)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    agencies = models.ManyToManyField("agencies.Agency", related_name="crises", blank=True)
    boroughs = models.JSONField(default=list, blank=True)
    created_by = models.CharField(max_length=150)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name_plural = "crises"

    def __str__(self) -> str:
        return self.title

    def borough_names(self) -> list[str]:
        names = dict(BOROUGHS)
        return [names.get(b, "Another place") for b in self.boroughs]


class TimelineEntry(models.Model):
    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(db_index=True)
    author = models.CharField(max_length=150)
    text = models.TextField()  # scrubbed

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "timeline entries"

    def __str__(self) -> str:
        return f"{self.crisis_id} {self.at:%Y-%m-%d %H:%M} {self.author}"


class GuidanceStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved by the chair"
    SENT = "sent", "Sent to agencies"


class Guidance(models.Model):
    """Guidance or messaging for a crisis (EO 13 §7(1)(a), (d)). Each edit is a new version; the chair approves."""

    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="guidance")
    kind = models.CharField(max_length=20, choices=[("guidance", "Guidance"), ("messaging", "Messaging")])
    title = models.CharField(max_length=200)
    body = models.TextField()  # scrubbed
    version = models.PositiveIntegerField(default=1)
    supersedes = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=GuidanceStatus.choices, default=GuidanceStatus.DRAFT)
    drafted_by = models.CharField(max_length=150)
    approved_by = models.CharField(max_length=150, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["crisis", "title", "-version"]

    def __str__(self) -> str:
        return f"{self.title} v{self.version}"


class GuidanceDelivery(models.Model):
    """Approved guidance sent to one agency, and that agency's confirmation (the §5 dissemination pattern)."""

    guidance = models.ForeignKey(Guidance, on_delete=models.CASCADE, related_name="deliveries")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.CharField(max_length=150, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["guidance", "agency"], name="one_delivery_per_agency")]

    def __str__(self) -> str:
        return f"{self.guidance_id} to {self.agency_id}"


class TaskKind(models.TextChoices):
    ACTION = "action", "Action"
    DATA_REQUEST = "data_request", "Data or documents request (EO 13 §7(1)(e))"


class TaskStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


class Risk(models.Model):
    """A vulnerability or risk in City policy or procedure (EO 13 §7(1)(b), (c))."""

    title = models.CharField(max_length=200)
    description = models.TextField()  # scrubbed
    agencies = models.ManyToManyField("agencies.Agency", related_name="committee_risks", blank=True)
    likelihood = models.PositiveSmallIntegerField()  # 1 … 5
    impact = models.PositiveSmallIntegerField()  # 1 … 5
    owner = models.CharField(max_length=150)  # an office or a role, not a private person
    review_on = models.DateField()
    closed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["closed", "-likelihood", "-impact", "title"]

    def __str__(self) -> str:
        return self.title


class CrisisTask(models.Model):
    """An action or a data request the Committee gave one agency, with a due date (EO 13 §7(1))."""

    crisis = models.ForeignKey(Crisis, null=True, blank=True, on_delete=models.CASCADE, related_name="tasks")
    risk = models.ForeignKey(Risk, null=True, blank=True, on_delete=models.CASCADE, related_name="mitigations")
    kind = models.CharField(max_length=20, choices=TaskKind.choices, default=TaskKind.ACTION)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="committee_tasks")
    description = models.TextField()  # scrubbed
    due = models.DateField()
    status = models.CharField(max_length=20, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    answer = models.TextField(blank=True)  # scrubbed: evidence of an action, or the answer to a data request
    answer_number = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    answer_file = models.FileField(upload_to="committee/%Y/", blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.CharField(max_length=150, blank=True)
    obligation = models.OneToOneField(
        "obligations.Obligation", null=True, blank=True, on_delete=models.SET_NULL, related_name="committee_task"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.agency_id} due {self.due}"

    @property
    def due_text(self) -> str:
        """Like "Apr 10, 2026", without the template date filter (a crisis can list 150 of these)."""
        return f"{self.due:%b} {self.due.day}, {self.due.year}"


class ResourceKind(models.TextChoices):
    PEOPLE = "people", "People"
    SPACE = "space", "Space"
    VEHICLES = "vehicles", "Vehicles"
    DATA = "data", "Data"
    MONEY = "money", "Money"
    PROPERTY_ACCESS = "property_access", "Access to City property (EO 13 §8(1))"


class ResourceAnswer(models.TextChoices):
    PENDING = "pending", "Waiting for an answer"
    PROVIDED = "provided", "Provided"
    PARTLY = "partly", "Partly provided"
    DECLINED = "declined", "Declined"


class ResourceRequest(models.Model):
    """The First Deputy Mayor asks an office for resources (EO 13 §8(2)). DOE and public benefit corporations are
    asked to coordinate, not directed."""

    crisis = models.ForeignKey(
        Crisis, null=True, blank=True, on_delete=models.SET_NULL, related_name="resource_requests"
    )
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="resource_requests")
    kind = models.CharField(max_length=20, choices=ResourceKind.choices)
    description = models.TextField()  # scrubbed
    due = models.DateField()
    coordination = models.BooleanField(default=False)
    answer = models.CharField(max_length=20, choices=ResourceAnswer.choices, default=ResourceAnswer.PENDING)
    answer_note = models.TextField(blank=True)  # scrubbed
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.CharField(max_length=150, blank=True)
    requested_by = models.CharField(max_length=150)
    obligation = models.OneToOneField(
        "obligations.Obligation", null=True, blank=True, on_delete=models.SET_NULL, related_name="resource_request"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.agency_id} by {self.due}"

    @property
    def due_text(self) -> str:
        """Like "Apr 10, 2026", without the template date filter (a crisis can list 150 of these)."""
        return f"{self.due:%b} {self.due.day}, {self.due.year}"


class OfficialLevel(models.TextChoices):
    FEDERAL = "federal", "Federal"
    STATE = "state", "State"
    LOCAL = "local", "Local"
    TRIBAL = "tribal", "Tribal"
    TERRITORIAL = "territorial", "Territorial"


class OutsideContact(models.Model):
    """A contact with government officials outside the City (EO 13 §7(4)): an office and a role, not a person."""

    crisis = models.ForeignKey(Crisis, null=True, blank=True, on_delete=models.SET_NULL, related_name="contacts")
    level = models.CharField(max_length=20, choices=OfficialLevel.choices)
    office = models.CharField(max_length=200)
    official_role = models.CharField(max_length=150)
    on = models.DateField()
    about = models.TextField()  # scrubbed
    outcome = models.TextField(blank=True)  # scrubbed
    follow_up = models.TextField(blank=True)  # scrubbed
    recorded_by = models.CharField(max_length=150)

    class Meta:
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return f"{self.office} ({self.on})"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved by the chair"


class MayorReport(models.Model):
    """A report to the Mayor the Mayor directed (EO 13 §7(1)(f)), assembled from a crisis's records."""

    crisis = models.ForeignKey(Crisis, on_delete=models.PROTECT, related_name="mayor_reports")
    directed_on = models.DateField()
    due = models.DateField()
    summary = models.TextField(blank=True)  # scrubbed
    recommendations = models.TextField(blank=True)  # scrubbed: policy and operational changes recommended
    status = models.CharField(max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    approved_by = models.CharField(max_length=150, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    obligation = models.OneToOneField(
        "obligations.Obligation", null=True, blank=True, on_delete=models.SET_NULL, related_name="mayor_report"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-directed_on", "-id"]

    def __str__(self) -> str:
        return f"Report to the Mayor on crisis {self.crisis_id} ({self.directed_on})"
