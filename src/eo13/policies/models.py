"""Policies, their versions and translations, the designated languages, and the §5 education materials.

EO 13 §2(1): six agencies publish their immigration-enforcement policies online, in plain language and in the
designated citywide languages (Local Law 30 of 2017, Admin Code §23-1101), and keep them current.
EO 13 §5(1)–(4): guidance for staff, training materials, public materials and rights information.
"""

from django.conf import settings
from django.db import models

from eo13.policies.languages import language_name


class DesignatedLanguage(models.Model):
    """One of the designated citywide languages (Admin Code §23-1101). Data, because the list can change."""

    code = models.CharField(max_length=10, unique=True)  # the site's language code, e.g. "zh-hant"
    name = models.CharField(max_length=60)  # in English
    native_name = models.CharField(max_length=60)
    position = models.PositiveSmallIntegerField(default=0)
    designated_on = models.DateField(help_text="The date the City set the list this language belongs to.")
    source = models.CharField(max_length=200)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Policy(models.Model):
    """An agency's policy on interactions with immigration enforcement (EO 13 §2(1))."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="policies")
    slug = models.SlugField(max_length=80)
    # The version the public sees; set the moment the Law Department approves one (EO 13 §2(1) "promptly").
    current_version = models.ForeignKey(
        "PolicyVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agency__code", "slug"]
        constraints = [models.UniqueConstraint(fields=["agency", "slug"], name="unique_policy_slug_per_agency")]
        verbose_name_plural = "policies"

    def __str__(self) -> str:
        return f"{self.agency.code}/{self.slug}"

    @property
    def display_title(self) -> str:
        """The name people read: the published title, else the newest draft's; the slug is only for addresses."""
        if self.current_version is not None:
            return self.current_version.title
        newest = max(self.versions.all(), key=lambda v: v.number, default=None)  # uses a prefetch when there is one
        return newest.title if newest is not None and newest.title else "Policy not yet named"


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In Law Department review"
    PUBLISHED = "published", "Approved and published"
    SUPERSEDED = "superseded", "Replaced by a newer version"


class PolicyVersion(models.Model):
    """One numbered text of a policy. Draft → Law Department review → approved, which publishes it."""

    policy = models.ForeignKey(Policy, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Markdown. Raw HTML and scripts are removed when shown.")
    change_summary = models.TextField(help_text="What changed since the last version, in plain words.")
    status = models.CharField(max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # Optimistic locking (eo13.versioning): an edit carries the version it started from.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["policy", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["policy", "number"], name="unique_policy_version_number"),
            # One open text at a time, so two drafts never race to replace the public one.
            models.UniqueConstraint(
                fields=["policy"],
                condition=models.Q(status__in=["draft", "in_review"]),
                name="one_open_version_per_policy",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.policy} v{self.number}"


class TranslationStatus(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for approval"
    APPROVED = "approved", "Approved"


class PolicyTranslation(models.Model):
    """A policy version in one designated language (EO 13 §2(1); Admin Code §23-1102).

    A translation belongs to one English version: when a newer version is published, it is stale."""

    version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="translations")
    language = models.ForeignKey(DesignatedLanguage, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=300)
    body = models.TextField()
    status = models.CharField(max_length=20, choices=TranslationStatus.choices, default=TranslationStatus.SUBMITTED)
    translated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    translated_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # Optimistic locking (eo13.versioning). Not called ``version``: that is the English text this translates.
    edit_version = models.PositiveIntegerField(default=1)
    VERSION_FIELD = "edit_version"

    class Meta:
        ordering = ["version", "language__position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "language"], name="one_translation_per_version_language")
        ]

    def __str__(self) -> str:
        return f"{self.version} [{self.language.code}]"


class MaterialKind(models.TextChoices):
    """The four kinds of §5 material, in the order's order."""

    STAFF_GUIDANCE = "staff_guidance", "Guidance for staff on outside law enforcement (EO 13 §5(1))"
    TRAINING = "training", "Training material for public-facing staff (EO 13 §5(2))"
    PUBLIC_INFORMATION = "public_information", "Public information on City property and personal data (EO 13 §5(3))"
    RIGHTS = "rights", "Rights information (EO 13 §5(4))"


MATERIAL_SECTIONS = {
    MaterialKind.STAFF_GUIDANCE: "EO 13 §5(1)",
    MaterialKind.TRAINING: "EO 13 §5(2)",
    MaterialKind.PUBLIC_INFORMATION: "EO 13 §5(3)",
    MaterialKind.RIGHTS: "EO 13 §5(4)",
}


class Audience(models.TextChoices):
    STAFF = "staff", "City employees and contractors"
    PUBLIC_FACING_STAFF = "public_facing_staff", "Public-facing staff"
    PUBLIC = "public", "Members of the public"


class Material(models.Model):
    """An item in the §5 library: made with the Law Department, then sent to agencies."""

    kind = models.CharField(max_length=30, choices=MaterialKind.choices)
    audience = models.CharField(max_length=30, choices=Audience.choices)
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Markdown. Raw HTML and scripts are removed when shown.")
    # Codes of the languages it exists in ("en" and designated language codes).
    languages = models.JSONField(default=list)
    owner = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="materials")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)  # optimistic locking (eo13.versioning)

    class Meta:
        ordering = ["kind", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def section(self) -> str:
        return MATERIAL_SECTIONS[MaterialKind(self.kind)]

    @property
    def language_names(self) -> list[str]:
        return [language_name(code) for code in self.languages]


class Dissemination(models.Model):
    """A material sent to one agency, and when that agency confirmed it has it (EO 13 §5, §8(1))."""

    material = models.ForeignKey(Material, on_delete=models.PROTECT, related_name="disseminations")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["material", "agency__code"]
        constraints = [models.UniqueConstraint(fields=["material", "agency"], name="one_dissemination_per_agency")]

    def __str__(self) -> str:
        return f"{self.material} → {self.agency.code}"
