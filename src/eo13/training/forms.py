"""Staff forms of the training app. The rules live in the services and importers."""

from typing import Any

from django import forms

from eo13.policies.models import Policy

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
CSV_WIDGET = {"class": "usa-file-input", "accept": ".csv,text/csv"}


def _check_size(f: Any) -> Any:
    if f is not None and f.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError("The file is larger than 5 MB. Split it, or use eo13 import on the server.")
    return f


class RosterUploadForm(forms.Form):
    roster_file = forms.FileField(
        label="Roster file (CSV)",
        help_text="Columns: agency, staff_id, name, role_group, and if you have them email, public_facing (yes/no).",
        widget=forms.ClearableFileInput(attrs=CSV_WIDGET),
    )

    def clean_roster_file(self) -> Any:
        return _check_size(self.cleaned_data.get("roster_file"))


class CompletionsUploadForm(forms.Form):
    completions_file = forms.FileField(
        label="Completions file (CSV)",
        help_text="Columns: agency, staff_id, course (the course code), completed_on (like 2026-11-20).",
        widget=forms.ClearableFileInput(attrs=CSV_WIDGET),
    )

    def clean_completions_file(self) -> Any:
        return _check_size(self.cleaned_data.get("completions_file"))


class PolicyChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.current_version.title} (version {obj.current_version.number})"


class CourseForm(forms.Form):
    policy = PolicyChoiceField(
        queryset=Policy.objects.none(),
        empty_label=None,
        help_text="The course teaches the version of this policy that is published now.",
        widget=forms.Select(attrs={"class": "usa-select"}),
    )
    code = forms.CharField(
        max_length=40,
        label="Course code",
        help_text="A short name for completion files, like EO13-2026-V2. Letters, numbers, . _ - only.",
        widget=forms.TextInput(attrs={"class": "usa-input"}),
    )
    title = forms.CharField(max_length=200, widget=forms.TextInput(attrs={"class": "usa-input"}))

    def __init__(self, *args: Any, policies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["policy"].queryset = policies  # type: ignore[attr-defined]
