"""Staff forms of the privacy app. They check shape only; the services check the rules and scrub free text."""

from typing import Any

from django import forms

from eo13.law import identifying_information as ii
from eo13.privacy.models import DECISION_CHOICES, INSTRUMENT_CHOICES, PrivacyProtocol, TrainingKind


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class USWDSForm(forms.Form):
    """Adds the USWDS classes, so templates stay plain."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            w = field.widget
            if isinstance(w, forms.CheckboxSelectMultiple | forms.RadioSelect):
                w.attrs.setdefault("class", "eo13-choices")
            elif isinstance(w, forms.Select):
                w.attrs.setdefault("class", "usa-select")
            elif isinstance(w, forms.Textarea):
                w.attrs.setdefault("class", "usa-textarea")
                w.attrs.setdefault("rows", 4)
            else:
                w.attrs.setdefault("class", "usa-input")


def category_choices(keys: list[str] | None = None) -> list[tuple[str, str]]:
    out = []
    for c in (*ii.CATEGORIES, *ii.SENSITIVE_SUBJECTS):
        if keys is not None and c.key not in keys:
            continue
        out.append((c.key, f"{c.label} (the order flags this)" if c.singled_out else c.label))
    return out


_FREE_TEXT_HINT = "Do not write names or other details of the people asked about. We remove them if you do."


class DesignationForm(USWDSForm):
    full_name = forms.CharField(label="Privacy officer's full name", max_length=200)
    title = forms.CharField(label="Job title", max_length=200)
    email = forms.EmailField(max_length=254, label="Work e-mail")
    phone = forms.CharField(label="Work phone", max_length=40, widget=forms.TextInput(attrs={"type": "tel"}))
    designated_on = forms.DateField(label="Date named", widget=DateInput())


class ContactForm(USWDSForm):
    full_name = forms.CharField(label="Full name", max_length=200)
    title = forms.CharField(label="Job title", max_length=200)
    email = forms.EmailField(max_length=254, label="Work e-mail")
    phone = forms.CharField(label="Work phone", max_length=40, widget=forms.TextInput(attrs={"type": "tel"}))
    version = forms.IntegerField(widget=forms.HiddenInput())


class VacancyForm(USWDSForm):
    vacated_on = forms.DateField(label="Last day in the job", widget=DateInput())
    note = forms.CharField(label="Note (optional)", required=False, max_length=2000, widget=forms.Textarea)


class SessionForm(USWDSForm):
    kind = forms.ChoiceField(label="What the training covers", choices=TrainingKind.choices)
    topic = forms.CharField(label="Topic", max_length=200)
    held_on = forms.DateField(label="Date", widget=DateInput())
    protocol = forms.ModelChoiceField(
        label="Protocol version taught (optional)", queryset=PrivacyProtocol.objects.all(), required=False
    )


class AttendanceForm(USWDSForm):
    designation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Privacy officer who attended", queryset=None
    )

    def __init__(self, *args: Any, designations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["designation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = designations
        field.label_from_instance = lambda obj: f"{obj.agency.code}: {obj.full_name}"  # type: ignore[method-assign]


class ProtocolForm(USWDSForm):
    title = forms.CharField(label="Title", max_length=200)
    body = forms.CharField(label="Protocol text", max_length=50_000, widget=forms.Textarea(attrs={"rows": 10}))
    effective_on = forms.DateField(label="In effect from", widget=DateInput())


class RequestForm(USWDSForm):
    agency = forms.ChoiceField(label="Your agency")
    requesting_agency = forms.CharField(label="Which outside agency asked", max_length=200)
    instrument = forms.ChoiceField(label="How they asked", choices=INSTRUMENT_CHOICES)
    received_on = forms.DateField(label="Date received", widget=DateInput())
    respond_by = forms.DateField(label="Return or response date (if any)", required=False, widget=DateInput())
    categories = forms.MultipleChoiceField(
        label="What information they asked for",
        choices=category_choices(),
        widget=forms.CheckboxSelectMultiple,
    )
    people_count = forms.IntegerField(
        label="How many people it is about (a number, no names)", required=False, min_value=0
    )
    summary = forms.CharField(
        label="What was asked (never who)",
        required=False,
        max_length=5000,
        widget=forms.Textarea,
        help_text=_FREE_TEXT_HINT,
    )

    def __init__(self, *args: Any, agencies: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = agencies  # type: ignore[attr-defined]


class AssignForm(USWDSForm):
    officer: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label="Assigned privacy officer", queryset=None)
    version = forms.IntegerField(widget=forms.HiddenInput())

    def __init__(self, *args: Any, officers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers  # type: ignore[attr-defined]


class ReferForm(USWDSForm):
    referred_on = forms.DateField(label="Date sent to the Law Department", widget=DateInput())
    note = forms.CharField(
        label="Note (optional)", required=False, max_length=2000, widget=forms.Textarea, help_text=_FREE_TEXT_HINT
    )
    version = forms.IntegerField(widget=forms.HiddenInput())


class DecideForm(USWDSForm):
    decision = forms.ChoiceField(label="Decision", choices=DECISION_CHOICES, widget=forms.RadioSelect)
    reasons = forms.CharField(label="Reasons", max_length=5000, widget=forms.Textarea, help_text=_FREE_TEXT_HINT)
    decided_on = forms.DateField(label="Date decided", widget=DateInput())
    version = forms.IntegerField(widget=forms.HiddenInput())


class DiscloseForm(USWDSForm):
    categories = forms.MultipleChoiceField(label="What was disclosed", widget=forms.CheckboxSelectMultiple)
    disclosed_on = forms.DateField(label="Date disclosed", widget=DateInput())
    note = forms.CharField(
        label="Note (optional)", required=False, max_length=2000, widget=forms.Textarea, help_text=_FREE_TEXT_HINT
    )
    version = forms.IntegerField(widget=forms.HiddenInput())

    def __init__(self, *args: Any, requested: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = category_choices(requested)  # type: ignore[attr-defined]


class ReportForm(USWDSForm):
    start = forms.DateField(label="From", required=False, widget=DateInput())
    end = forms.DateField(label="To", required=False, widget=DateInput())
