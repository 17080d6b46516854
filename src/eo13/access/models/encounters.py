from django.conf import settings
from django.db import models

from eo13.law.engine import outcome_label
from eo13.law.facts import Form
from eo13.scrub import ReportsRemoved


class RequestingAgency(models.TextChoices):
    ICE = "ice", "Immigration and Customs Enforcement (ICE)"
    CBP = "cbp", "Customs and Border Protection (CBP)"
    HSI = "hsi", "Homeland Security Investigations (HSI)"
    FBI = "fbi", "Federal Bureau of Investigation (FBI)"
    DEA = "dea", "Drug Enforcement Administration (DEA)"
    USMS = "usms", "U.S. Marshals Service"
    OTHER_FEDERAL = "other_federal", "Another federal agency"
    STATE = "state", "A New York State agency"
    OTHER = "other", "Another agency"
    UNKNOWN = "unknown", "They did not say"


class RequestKind(models.TextChoices):
    USE_LOT = "use_lot", "Use a City lot or garage"
    ENTER_NON_PUBLIC = "enter_non_public", "Enter a non-public area"
    INFORMATION = "information", "Information about a person"
    ASSISTANCE = "assistance", "Other help with their operation"
    OTHER = "other", "Something else"


class CityResponse(models.TextChoices):
    DECLINED = "declined", "We said no"
    ALLOWED_EXCEPTION = "allowed_exception", "We allowed it (an exception applied)"
    REFERRED = "referred", "We sent it to counsel or a supervisor"
    THEY_LEFT = "they_left", "They left before a decision"
    OTHER = "other", "Other"


class DocumentShown(models.TextChoices):
    """What paper the officers showed (the DHS forms are the order's, EO 13 §1(6), as in the warrant facts)."""

    NONE = "none", "No paper"
    JUDICIAL_WARRANT = "judicial_warrant", "A warrant signed by a judge"
    I_200 = Form.I_200.value, "U.S. Department of Homeland Security Form I-200"
    I_205 = Form.I_205.value, "U.S. Department of Homeland Security Form I-205"
    I_247A = Form.I_247A.value, "U.S. Department of Homeland Security Form I-247A (detainer)"
    SUBPOENA = "subpoena", "A subpoena"
    LETTER_OR_REQUEST = "letter_or_request", "A letter or written request"
    OTHER = "other", "Another paper"


class Encounter(ReportsRemoved, models.Model):
    """What an outside agency asked for and what the City did. Never who the New Yorkers involved are.

    Doubles as the record Admin Code §10-178(d) requires of requests for help with immigration enforcement.
    """

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="encounters")
    occurred_at = models.DateTimeField(db_index=True)
    property = models.ForeignKey(
        "access.CityProperty", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    place_description = models.CharField(max_length=200, blank=True)  # scrubbed
    requesting_agency = models.CharField(max_length=20, choices=RequestingAgency.choices)
    request_kind = models.CharField(max_length=20, choices=RequestKind.choices)
    immigration_enforcement = models.BooleanField(
        null=True, help_text="Was the request for help with immigration enforcement? (Admin Code §10-178(d))"
    )
    documents_shown = models.JSONField(default=list, blank=True)
    decision = models.ForeignKey(
        "access.DecisionLog", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome_given = models.CharField(max_length=30, blank=True)
    city_response = models.CharField(max_length=20, choices=CityResponse.choices)
    what_happened = models.TextField(max_length=1000, blank=True)  # scrubbed
    counsel_called = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["agency", "-occurred_at"])]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.get_request_kind_display()} on {self.occurred_at:%Y-%m-%d}"

    # Methods, not properties: this model has a field named ``property``. Templates call them the same way.
    def outcome_label(self) -> str:
        return outcome_label(self.outcome_given) if self.outcome_given else ""

    def documents_shown_labels(self) -> list[str]:
        labels = dict(DocumentShown.choices)
        return [labels.get(d, "Another paper") for d in self.documents_shown]
