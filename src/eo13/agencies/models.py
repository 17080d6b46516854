"""The registry of offices the order reaches (EO 13 §2, §6, §7(3), §8; INTERFACES §4)."""

from django.db import models


class AgencyKind(models.TextChoices):
    MAYORAL_AGENCY = "mayoral_agency", "Mayoral agency"
    MAYORAL_OFFICE = "mayoral_office", "Mayoral office"
    DIVISION = "division", "Division of a mayoral agency"
    DEPARTMENT_OF_EDUCATION = "department_of_education", "Department of Education"
    PUBLIC_BENEFIT_CORPORATION = "public_benefit_corporation", "Public benefit corporation"


class Agency(models.Model):
    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=40, choices=AgencyKind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="divisions")
    # The six agencies named in EO 13 §2 (audit, report, publish policies, train).
    is_section_2 = models.BooleanField(default=False)
    # EO 13 §7(3), §8(2): the public benefit corporations whose board majority the Mayor appoints.
    # True or False where the source settles it, None where it is not recorded; only True owes a Committee member.
    mayor_appoints_board_majority = models.BooleanField(null=True, blank=True, default=None)
    board_majority_source = models.CharField(max_length=400, blank=True, default="")
    active = models.BooleanField(default=True)
    counsel_name = models.CharField("counsel contact", max_length=200, blank=True)
    counsel_email = models.EmailField(blank=True)
    counsel_phone = models.CharField(max_length=40, blank=True)
    # Optimistic locking: an edit carries the version it started from.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"
