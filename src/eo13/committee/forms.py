"""Staff forms of the Committee. They check shapes; the rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms

from eo13.agencies.models import Agency
from eo13.committee.models import BOROUGHS, CrisisStatus, MemberRole, OfficialLevel, ResourceKind

TEXT = {"class": "usa-input"}
AREA = {"class": "usa-textarea", "rows": 3}
SELECT = {"class": "usa-select"}
DATE = {"class": "usa-input", "type": "date"}


class FastSelect(forms.SelectMultiple):
    """A select of the whole registry (150+ offices) built in Python: Django's per-option templates made the
    crisis page slow (issue 12 benchmark). Same HTML as Django's own widget."""

    allow_multiple_selected = False

    def __init__(self, attrs: dict[str, Any] | None = None, *, multiple: bool = False) -> None:
        super().__init__(attrs)
        self.allow_multiple_selected = multiple

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> Any:
        from django.utils.html import escape, format_html, format_html_join
        from django.utils.safestring import mark_safe

        chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value]) if v not in (None, "")}
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        if self.allow_multiple_selected:
            final["multiple"] = True
        attr_html = format_html_join("", ' {}="{}"', ((k, v) for k, v in final.items() if v not in (True, False, None)))
        flags = "".join(f" {escape(k)}" for k, v in final.items() if v is True)
        options = "".join(
            f'<option value="{escape(v)}"{" selected" if str(v) in chosen else ""}>{escape(label)}</option>'
            for v, label in self.choices
        )
        return format_html("<select{}{}>{}</select>", attr_html, mark_safe(flags), mark_safe(options))

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        if self.allow_multiple_selected:
            return super().value_from_datadict(data, files, name)
        return data.get(name)


def agency_choices() -> list[tuple[str, str]]:
    return [(c, f"{c} — {n}") for c, n in Agency.objects.filter(active=True).values_list("code", "name")]


class _AgencyForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("agency", "agencies"):
            if name in self.fields:
                self.fields[name].choices = agency_choices()  # type: ignore[attr-defined]


class MemberForm(_AgencyForm):
    agency = forms.ChoiceField(label="Office", widget=FastSelect(attrs=SELECT))
    role = forms.ChoiceField(
        choices=MemberRole.choices, initial=MemberRole.SENIOR_OPERATIONS_MANAGER, widget=forms.Select(attrs=SELECT)
    )
    name = forms.CharField(max_length=150, widget=forms.TextInput(attrs=TEXT))
    job_title = forms.CharField(label="Job title", max_length=150, required=False, widget=forms.TextInput(attrs=TEXT))
    work_email = forms.EmailField(label="Work e-mail", required=False, widget=forms.EmailInput(attrs=TEXT))
    work_phone = forms.CharField(label="Work phone", max_length=40, required=False, widget=forms.TextInput(attrs=TEXT))
    starts_on = forms.DateField(label="Starts on", widget=forms.DateInput(attrs=DATE))


class DepartForm(forms.Form):
    ends_on = forms.DateField(label="Left on", widget=forms.DateInput(attrs=DATE))


class CrisisForm(_AgencyForm):
    title = forms.CharField(max_length=200, widget=forms.TextInput(attrs=TEXT))
    kind = forms.CharField(
        label="Kind of crisis",
        max_length=100,
        help_text="For example: enforcement surge, flood.",
        widget=forms.TextInput(attrs=TEXT),
    )
    severity = forms.TypedChoiceField(
        coerce=int,
        choices=[(1, "1 — low"), (2, "2 — moderate"), (3, "3 — high"), (4, "4 — critical")],
        initial=2,
        widget=forms.Select(attrs=SELECT),
    )
    status = forms.ChoiceField(
        choices=CrisisStatus.choices, initial=CrisisStatus.ACTIVE, widget=forms.Select(attrs=SELECT)
    )
    starts_on = forms.DateField(label="Started on", widget=forms.DateInput(attrs=DATE))
    ends_on = forms.DateField(label="Ended on", required=False, widget=forms.DateInput(attrs=DATE))
    agencies = forms.MultipleChoiceField(
        label="Offices affected",
        required=False,
        widget=FastSelect(attrs={"class": "usa-select eo13-cm-multi"}, multiple=True),
    )
    boroughs = forms.MultipleChoiceField(choices=BOROUGHS, required=False, widget=forms.CheckboxSelectMultiple)


class CrisisStatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(choices=CrisisStatus.choices, widget=forms.Select(attrs=SELECT))
    severity = forms.TypedChoiceField(
        coerce=int, choices=[(i, str(i)) for i in range(1, 5)], widget=forms.Select(attrs=SELECT)
    )
    ends_on = forms.DateField(label="Ended on", required=False, widget=forms.DateInput(attrs=DATE))


class UpdateForm(forms.Form):
    text = forms.CharField(
        label="Update",
        max_length=2000,
        widget=forms.Textarea(attrs=AREA),
        help_text="What happened. Never name a member of the public.",
    )


class TaskForm(_AgencyForm):
    kind = forms.ChoiceField(
        choices=[("action", "Action"), ("data_request", "Data or documents request")], widget=forms.Select(attrs=SELECT)
    )
    agency = forms.ChoiceField(label="Office", widget=FastSelect(attrs=SELECT))
    description = forms.CharField(label="What to do", max_length=2000, widget=forms.Textarea(attrs=AREA))
    due = forms.DateField(label="Due", widget=forms.DateInput(attrs=DATE))


class TaskAnswerForm(forms.Form):
    answer = forms.CharField(
        label="Answer or evidence",
        max_length=4000,
        widget=forms.Textarea(attrs=AREA),
        help_text="Totals only. Never name a member of the public.",
    )
    number = forms.DecimalField(label="Number (if asked for one)", required=False, widget=forms.NumberInput(attrs=TEXT))
    file = forms.FileField(
        label="File (if asked for one)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"class": "usa-file-input"}),
    )


class ResourceRequestForm(_AgencyForm):
    agency = forms.ChoiceField(label="Office", widget=FastSelect(attrs=SELECT))
    kind = forms.ChoiceField(label="Resource", choices=ResourceKind.choices, widget=forms.Select(attrs=SELECT))
    description = forms.CharField(label="What is needed", max_length=2000, widget=forms.Textarea(attrs=AREA))
    due = forms.DateField(label="Needed by", widget=forms.DateInput(attrs=DATE))


class ResourceAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[("provided", "Provided"), ("partly", "Partly provided"), ("declined", "Declined")],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=AREA),
        help_text="Needed when you provide only part or decline.",
    )


class GuidanceForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[("guidance", "Guidance"), ("messaging", "Messaging")], widget=forms.Select(attrs=SELECT)
    )
    title = forms.CharField(max_length=200, widget=forms.TextInput(attrs=TEXT))
    body = forms.CharField(label="Text", widget=forms.Textarea(attrs=AREA))


class SendForm(_AgencyForm):
    agencies = forms.MultipleChoiceField(
        label="Send to", widget=FastSelect(attrs={"class": "usa-select eo13-cm-multi"}, multiple=True)
    )


class RiskForm(_AgencyForm):
    title = forms.CharField(max_length=200, widget=forms.TextInput(attrs=TEXT))
    description = forms.CharField(max_length=4000, widget=forms.Textarea(attrs=AREA))
    likelihood = forms.TypedChoiceField(
        coerce=int, choices=[(i, str(i)) for i in range(1, 6)], widget=forms.Select(attrs=SELECT)
    )
    impact = forms.TypedChoiceField(
        coerce=int, choices=[(i, str(i)) for i in range(1, 6)], widget=forms.Select(attrs=SELECT)
    )
    owner = forms.CharField(label="Owner (office or role)", max_length=150, widget=forms.TextInput(attrs=TEXT))
    review_on = forms.DateField(label="Review by", widget=forms.DateInput(attrs=DATE))
    agencies = forms.MultipleChoiceField(
        label="Offices concerned",
        required=False,
        widget=FastSelect(attrs={"class": "usa-select eo13-cm-multi"}, multiple=True),
    )


class ContactForm(forms.Form):
    level = forms.ChoiceField(label="Government", choices=OfficialLevel.choices, widget=forms.Select(attrs=SELECT))
    office = forms.CharField(label="Office", max_length=200, widget=forms.TextInput(attrs=TEXT))
    official_role = forms.CharField(label="Their role", max_length=150, widget=forms.TextInput(attrs=TEXT))
    on = forms.DateField(label="Date", widget=forms.DateInput(attrs=DATE))
    about = forms.CharField(label="About", widget=forms.Textarea(attrs=AREA))
    outcome = forms.CharField(required=False, widget=forms.Textarea(attrs=AREA))
    follow_up = forms.CharField(label="Follow-up", required=False, widget=forms.Textarea(attrs=AREA))


class DirectReportForm(forms.Form):
    directed_on = forms.DateField(label="The Mayor directed it on", widget=forms.DateInput(attrs=DATE))
    due = forms.DateField(label="Due", widget=forms.DateInput(attrs=DATE))


class ReportEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"class": "usa-textarea", "rows": 8}))
    recommendations = forms.CharField(
        label="Recommended policy and operational changes",
        required=False,
        widget=forms.Textarea(attrs={"class": "usa-textarea", "rows": 8}),
    )
