"""Who must be trained, the courses, and who completed them (EO 13 §2(2), §5(2)).

The six agencies of §2 train their employees, officers, contractors and subcontractors on their policies, and
update the training along with the policies. A course teaches one published policy version; when a newer
version of that policy is published, the course is out of date.

The roster holds City staff and contractors, not members of the public, and only what tracking needs: an
identifier the agency chooses (never an SSN), a display name, an optional work e-mail, a role group, and whether
the person faces the public (the §5(2) audience).
"""

from django.conf import settings
from django.db import models


class RoleGroup(models.TextChoices):
    """The four groups EO 13 §2(2) names."""

    EMPLOYEE = "employee", "Employee"
    OFFICER = "officer", "Officer"
    CONTRACTOR = "contractor", "Contractor"
    SUBCONTRACTOR = "subcontractor", "Subcontractor"


class RosterPerson(models.Model):
    """One person an agency must train (EO 13 §2(2)), keyed by the agency's own staff id."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="training_roster")
    staff_id = models.CharField(max_length=40, help_text="The agency's own identifier, such as an employee number.")
    display_name = models.CharField(max_length=200)
    work_email = models.EmailField(blank=True)
    role_group = models.CharField(max_length=20, choices=RoleGroup.choices)
    # Public-facing staff are the audience of the §5(2) training materials.
    public_facing = models.BooleanField(default=False)
    # People missing from a re-import become inactive; their completions stay on record.
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking: an edit carries the version it started from.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["agency__code", "display_name", "staff_id"]
        constraints = [models.UniqueConstraint(fields=["agency", "staff_id"], name="unique_staff_id_per_agency")]

    def __str__(self) -> str:
        return f"{self.agency.code}/{self.staff_id}"


class Course(models.Model):
    """Training on one published policy version (EO 13 §2(2)). ``code`` names it in completion files."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="training_courses")
    policy_version = models.ForeignKey("policies.PolicyVersion", on_delete=models.PROTECT, related_name="+")
    code = models.CharField(max_length=40)
    title = models.CharField(max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agency__code", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="unique_course_code_per_agency"),
            # One course per policy version keeps "the current course" a single thing.
            models.UniqueConstraint(fields=["policy_version"], name="one_course_per_policy_version"),
        ]

    def __str__(self) -> str:
        return f"{self.agency.code}/{self.code}"

    @property
    def is_current(self) -> bool:
        """Current while its policy version is the one published now (EO 13 §2(2) "updated along with")."""
        return self.policy_version.policy.current_version_id == self.policy_version_id


class Completion(models.Model):
    """One person finished one course on a New York date."""

    person = models.ForeignKey(RosterPerson, on_delete=models.PROTECT, related_name="completions")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="completions")
    completed_on = models.DateField()
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-completed_on"]
        constraints = [models.UniqueConstraint(fields=["person", "course"], name="one_completion_per_course")]

    def __str__(self) -> str:
        return f"{self.person} · {self.course.code} · {self.completed_on}"
