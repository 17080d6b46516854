"""Web forms of the access app. Validation of meaning happens in the services; these only read the input."""

from django import forms
from django.utils import timezone

from eo13.access.models.encounters import CityResponse, DocumentShown, RequestingAgency, RequestKind
from eo13.api_limits import NOTE_MAX
from eo13.law.facts import Use

NO_NAMES = (
    "Do not write names, dates of birth, addresses, phone numbers or immigration status of anyone. "
    "We remove them if you do."
)


class EncounterForm(forms.Form):
    occurred_at = forms.DateTimeField(
        label="When did it happen?", widget=forms.DateTimeInput(attrs={"type": "datetime-local", "class": "usa-input"})
    )
    property = forms.CharField(
        label="Place: BBL or property id (optional)", required=False, max_length=64,
        widget=forms.TextInput(attrs={"class": "usa-input"}),
    )  # fmt: skip
    place_description = forms.CharField(
        label="Or describe the place", required=False, max_length=200,
        help_text="For example: rear parking lot of the shelter.",
        widget=forms.TextInput(attrs={"class": "usa-input"}),
    )  # fmt: skip
    # An empty first choice that must be picked: "federal agents" is not ICE until someone says so (issue 13).
    requesting_agency = forms.ChoiceField(
        label="Which outside agency asked?",
        choices=[("", "Choose the agency"), *RequestingAgency.choices],
        widget=forms.Select(attrs={"class": "usa-select"}),
    )
    request_kind = forms.ChoiceField(
        label="What did they ask for?",
        choices=[("", "Choose what they asked for"), *RequestKind.choices],
        widget=forms.Select(attrs={"class": "usa-select"}),
    )
    immigration_enforcement = forms.TypedChoiceField(
        label="Was it for immigration enforcement?",
        choices=[("yes", "Yes"), ("no", "No"), ("unknown", "Not sure")],
        coerce=lambda v: {"yes": True, "no": False}.get(v),
        empty_value=None,
        widget=forms.RadioSelect(attrs={"class": "usa-radio__input"}),
    )
    documents_shown = forms.MultipleChoiceField(
        label="What papers did they show?", required=False,
        choices=DocumentShown.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "usa-checkbox__input"}),
    )  # fmt: skip
    city_response = forms.ChoiceField(
        label="What did the City do?",
        choices=CityResponse.choices,
        widget=forms.RadioSelect(attrs={"class": "usa-radio__input"}),
    )
    what_happened = forms.CharField(
        label="What happened? (short)", required=False, max_length=1000, help_text=NO_NAMES,
        widget=forms.Textarea(attrs={"class": "usa-textarea", "rows": 4}),
    )  # fmt: skip
    counsel_called = forms.BooleanField(
        label="We called agency counsel",
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "usa-checkbox__input"}),
    )
    decision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: object, place_label: str = "", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if place_label:
            self.fields["property"].help_text = f"From the guide: {place_label}."
        if not self.is_bound:
            self.initial.setdefault("occurred_at", timezone.localtime().strftime("%Y-%m-%dT%H:%M"))


class AgreementForm(forms.Form):
    reference = forms.CharField(max_length=40, widget=forms.TextInput(attrs={"class": "usa-input"}))
    kind = forms.ChoiceField(
        choices=[("formal_agreement", "Formal agreement or contract (EO 13 §3(1))"),
                 ("cooperative_arrangement", "Cooperative arrangement (EO 13 §3(3))")],
        widget=forms.Select(attrs={"class": "usa-select"}),
    )  # fmt: skip
    title = forms.CharField(max_length=200, widget=forms.TextInput(attrs={"class": "usa-input"}))
    parties = forms.CharField(max_length=400, widget=forms.TextInput(attrs={"class": "usa-input"}))
    valid_from = forms.DateField(widget=forms.DateInput(attrs={"type": "date", "class": "usa-input"}))
    valid_to = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date", "class": "usa-input"}))
    all_properties = forms.BooleanField(
        required=False,
        label="Covers every City lot",
        widget=forms.CheckboxInput(attrs={"class": "usa-checkbox__input"}),
    )
    bbls = forms.CharField(
        max_length=NOTE_MAX,
        required=False,
        label="BBLs it covers (one per line)",
        widget=forms.Textarea(attrs={"class": "usa-textarea", "rows": 3}),
    )
    uses = forms.MultipleChoiceField(
        required=False, label="Uses it covers (none checked: every use)",
        choices=Use.choices(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "usa-checkbox__input"}),
    )  # fmt: skip
    document = forms.FileField(required=False, label="Signed document (PDF)")
