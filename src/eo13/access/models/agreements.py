from django.db import models


class AgreementKind(models.TextChoices):
    FORMAL_AGREEMENT = "formal_agreement", "Formal agreement, contract or subcontract (EO 13 §3(1))"
    COOPERATIVE_ARRANGEMENT = (
        "cooperative_arrangement",
        "Cooperative arrangement with state or federal agencies (EO 13 §3(3))",
    )


class Agreement(models.Model):
    """An agreement that lets outside personnel use City lots: the basis of EO 13 §3(1) and §3(3)."""

    reference = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=30, choices=AgreementKind.choices)
    title = models.CharField(max_length=200)
    parties = models.CharField(max_length=400)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="agreements")
    all_properties = models.BooleanField(default=False)
    uses = models.JSONField(default=list, blank=True)  # empty: every use
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    document = models.FileField(upload_to="agreements/%Y/", blank=True)
    document_sha256 = models.CharField(max_length=64, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-valid_from", "reference"]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"


class AgreementProperty(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="covered")
    bbl = models.CharField(max_length=10, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agreement", "bbl"], name="unique_agreement_bbl")]

    def __str__(self) -> str:
        return f"{self.agreement.reference} covers {self.bbl}"
