"""Web forms of the obligations app. They validate shape; the services decide."""

from django import forms

from eo13.api_limits import TEXT_MAX
from eo13.obligations.evidence import ALLOWED_TEXT
from eo13.text import LABEL_MAX

ACCEPT = ".pdf,.docx,.xlsx,.csv,.png,.jpg,.jpeg,.gif,.webp"


class EvidenceForm(forms.Form):
    file = forms.FileField(label="Evidence file", help_text=f"A {ALLOWED_TEXT}.")
    effective_date = forms.DateField(
        label="Date the evidence speaks for",
        help_text="For example, the date the policy took effect. Pick it from the calendar or type it.",
        widget=forms.DateInput(attrs={"type": "date", "class": "usa-input"}),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["file"].widget.attrs.update({"class": "usa-file-input", "accept": ACCEPT})


class SubmitForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label="Note for the reviewer",
        help_text="What the evidence shows. Do not name members of the public.",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "usa-textarea"}),
    )


class ReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("accept", "Accept"), ("return", "Return with comments")],
        widget=forms.RadioSelect,
    )
    comments = forms.CharField(
        label="Comments",
        required=False,
        help_text="Needed when you return it: say what is missing.",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "usa-textarea"}),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("decision") == "return" and not (data.get("comments") or "").strip():
            # Said here, next to the box, so the reviewer keeps their choice and sees what to add.
            self.add_error("comments", "Write what is missing, so the office knows what to fix.")
        return data


class FeedForm(forms.Form):
    name = forms.CharField(label="Name of this link", max_length=LABEL_MAX, initial="My calendar")
    name.widget.attrs.update({"class": "usa-input"})


class AuditReportForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    findings = forms.CharField(
        max_length=TEXT_MAX,
        label="What the audit found",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "class": "usa-textarea"}),
    )
    policy_changes = forms.CharField(
        max_length=TEXT_MAX,
        label="Policy changes made",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "class": "usa-textarea"}),
    )
    compliance_steps = forms.CharField(
        max_length=TEXT_MAX,
        label="Steps to make sure staff comply",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "class": "usa-textarea"}),
    )
    training = forms.CharField(
        max_length=TEXT_MAX,
        label="Training",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "class": "usa-textarea"}),
    )
