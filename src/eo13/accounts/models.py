"""Staff accounts, their memberships (user, agency, role) and personal API tokens (DESIGN "Roles")."""

from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    FRONTLINE = "frontline", "Front-line staff"
    AGENCY_LEAD = "agency_lead", "Agency compliance lead"
    PRIVACY_OFFICER = "privacy_officer", "Agency privacy officer"
    CHIEF_PRIVACY_OFFICER = "chief_privacy_officer", "Chief Privacy Officer"
    CITY_HALL = "city_hall", "City Hall"
    COMMITTEE = "committee", "Interagency Response Committee"
    AUDITOR = "auditor", "Auditor (read-only)"


class User(AbstractUser):
    # City sign-in (issue 15): the provider's stable subject for this person, and the HR employee id that
    # `eo13 sync-accounts` matches. Both empty for local (break-glass and demo) accounts.
    oidc_subject = models.CharField(max_length=255, unique=True, null=True, blank=True)
    employee_id = models.CharField(max_length=64, blank=True, default="", db_index=True)
    # Sessions that began before this moment are ended at their next request ("sign out everywhere", leavers).
    sessions_revoked_at = models.DateTimeField(null=True, blank=True)


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=40, choices=Role.choices)
    # The Committee chair may issue resource requests (EO 13 §7(2), §8(2)).
    is_chair = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "agency", "role"], name="unique_membership")]
        ordering = ["agency__code", "role"]

    def __str__(self) -> str:
        return f"{self.user} · {self.agency.code} · {self.role}"


class APIToken(models.Model):
    """A personal token. Only its SHA-256 is stored; the token itself is shown once, when made."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # Set when made (EO13_TOKEN_DAYS); a token past it no longer signs anyone in.
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class SignInThrottle(models.Model):
    """Failed sign-ins for one key (address + account, account, or device), under a keyed hash
    (eo13.accounts.throttle): no username or address is kept in clear."""

    key = models.CharField(max_length=64, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField()
    locked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.key[:8]}… {self.failures} failures"


class GroupMapping(models.Model):
    """One provider group (or app role) and the EO13 role and agency it gives at sign-in.

    Kept as data that City Hall edits (web and API); every change is audited. A group may appear in several rows."""

    group = models.CharField(max_length=255)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="group_mappings")
    role = models.CharField(max_length=40, choices=Role.choices)
    is_chair = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "agency", "role"], name="unique_group_mapping")]
        ordering = ["group", "agency__code", "role"]

    def __str__(self) -> str:
        return f"{self.group} -> {self.agency.code} · {self.role}"
