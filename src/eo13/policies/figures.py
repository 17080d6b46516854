"""This app's public figures (EO 13 §2(1)): how many policies are published, and in how many translations."""

from typing import Any

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from eo13.policies.figures_registry import ON_THE_DATE
from eo13.policies.models import Policy, PolicyTranslation, TranslationStatus


def public_figures() -> list[dict[str, Any]]:
    published = Policy.objects.filter(current_version__isnull=False)
    # A translation counts only while it is of the version the public sees.
    current_translations = PolicyTranslation.objects.filter(
        status=TranslationStatus.APPROVED, version__policy__current_version=F("version")
    )
    return [
        {
            "key": "policies_published",
            "label": _("Agency policies published online"),
            "count": published.count(),
            "section": "EO 13 §2(1)",
            "counts_people": False,  # documents, not people: a small number points to no one
            "period": ON_THE_DATE,
        },
        {
            "key": "policy_translations_current",
            "label": _("Approved translations of current policies"),
            "count": current_translations.count(),
            "section": "EO 13 §2(1)",
            "counts_people": False,  # documents, not people: a small number points to no one
            "period": ON_THE_DATE,
        },
    ]
