"""Staff forms for policies, translations and §5 materials. Validation of rules lives in the services."""

import re
from typing import Any

from django import forms
from django.conf import settings

from eo13.agencies.models import Agency
from eo13.api_limits import NOTE_MAX, TEXT_MAX
from eo13.policies.models import Audience, MaterialKind

MAX_UPLOAD_BYTES = 200 * 1024
_VERSION_LINE = re.compile(r"\A\s*EO13-Version:\s*(\d+)\s*\n", re.I)


class PolicyForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), empty_label=None)
    title = forms.CharField(max_length=200)
    body = forms.CharField(
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 14, "class": "usa-textarea"}),
        help_text="Markdown: # heading, - list item, **bold**. HTML and scripts are removed.",
    )
    change_summary = forms.CharField(
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "usa-textarea"}),
        label="Change summary",
    )

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
        for name in ("agency", "title"):
            self.fields[name].widget.attrs.setdefault("class", "usa-input" if name == "title" else "usa-select")


class VersionForm(forms.Form):
    title = forms.CharField(max_length=200, widget=forms.TextInput(attrs={"class": "usa-input"}))
    body = forms.CharField(
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 18, "class": "usa-textarea"}),
        help_text="Markdown: # heading, - list item, **bold**. HTML and scripts are removed.",
    )
    change_summary = forms.CharField(
        max_length=NOTE_MAX,
        required=False,
        label="What changed in this version",
        widget=forms.Textarea(attrs={"rows": 3, "class": "usa-textarea"}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReviewForm(forms.Form):
    note = forms.CharField(
        max_length=NOTE_MAX,
        required=False,
        label="Note to the agency (needed to send it back)",
        widget=forms.Textarea(attrs={"rows": 3, "class": "usa-textarea"}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class TranslationForm(forms.Form):
    language = forms.ChoiceField(widget=forms.Select(attrs={"class": "usa-select"}))
    version = forms.IntegerField(
        min_value=1,
        label="English version translated",
        widget=forms.NumberInput(attrs={"class": "usa-input usa-input--small"}),
        help_text="The number of the English version this translation was made from.",
    )
    title = forms.CharField(max_length=300, widget=forms.TextInput(attrs={"class": "usa-input"}))
    body = forms.CharField(
        max_length=TEXT_MAX,
        required=False,
        label="Translated text",
        widget=forms.Textarea(attrs={"rows": 14, "class": "usa-textarea"}),
        help_text="Paste the text, or upload a file below.",
    )
    upload = forms.FileField(
        required=False,
        label="Or upload a text file (.md or .txt, UTF-8)",
        help_text='A first line such as "EO13-Version: 2" names the English version it was made from.',
        widget=forms.ClearableFileInput(attrs={"class": "usa-file-input", "accept": ".md,.txt,text/plain"}),
    )

    def __init__(self, *args: Any, languages: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(lang.code, f"{lang.name} · {lang.native_name}") for lang in languages]
        self.fields["language"].choices = choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("upload")
        if upload:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError("The file is too large. Keep it under 200 KB.")
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise forms.ValidationError("The file must be plain text in UTF-8.") from exc
            match = _VERSION_LINE.match(text)
            if match:
                # The file's own version line wins: it says what the translator worked from.
                data["version"] = int(match.group(1))
                text = text[match.end() :]
            data["body"] = text
        if not (data.get("body") or "").strip():
            self.add_error("body", "Paste the translated text or upload a file.")
        return data


class MaterialForm(forms.Form):
    kind = forms.ChoiceField(choices=MaterialKind.choices, widget=forms.Select(attrs={"class": "usa-select"}))
    audience = forms.ChoiceField(choices=Audience.choices, widget=forms.Select(attrs={"class": "usa-select"}))
    title = forms.CharField(max_length=200, widget=forms.TextInput(attrs={"class": "usa-input"}))
    body = forms.CharField(
        max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 12, "class": "usa-textarea"}), help_text="Markdown."
    )
    languages = forms.MultipleChoiceField(
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text="The languages this material exists in.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class SendForm(forms.Form):
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.filter(active=True), widget=forms.CheckboxSelectMultiple
    )
