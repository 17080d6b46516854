"""What waits for a person in the policies app: versions for Law Department review, translations for a second
person's approval, §5 materials for the Law Department (EO 13 §2(1), §5; Admin Code §23-1102)."""

from typing import Any

from django.db.models import F, Q
from django.urls import reverse

from eo13.inbox import Item, Waiting, group
from eo13.policies.models import Material, PolicyTranslation, PolicyVersion, TranslationStatus
from eo13.policies.permissions import TRANSLATION_ACCESS, is_law_reviewer
from eo13.policies.selectors import material_list, review_queue


def _version(v: PolicyVersion) -> Item:
    return Item(
        f"{v.policy.agency.code}: {v.title} (version {v.number})",
        reverse("policies:version-review", args=[v.pk]),
        v.submitted_at,
    )


def _translation(t: PolicyTranslation) -> Item:
    return Item(
        f"{t.version.policy.agency.code}: {t.version.title}, in {t.language.name}",
        reverse("policies:translation-approve", args=[t.pk]),
        t.translated_at,
    )


def _material(m: Material) -> Item:
    return Item(m.title, reverse("policies:material-detail", args=[m.pk]), m.created_at)


def waiting(user: Any) -> list[Waiting]:
    law = is_law_reviewer(user)
    found = group(
        "Policies for Law Department review",
        review_queue(user=user).select_related("policy__agency"),
        _version,
        reverse("policies:review"),
    )
    # Only translations of the version now in force can be approved (policies.services.translation_approve).
    waiting_translations = PolicyTranslation.objects.filter(
        status=TranslationStatus.SUBMITTED, version=F("version__policy__current_version")
    ).exclude(translated_by=user)
    if not law:
        waiting_translations = TRANSLATION_ACCESS.editable(user, waiting_translations)
    found += group(
        "Translations to read and approve",
        waiting_translations.select_related("version__policy__agency", "language").order_by("translated_at", "pk"),
        _translation,
    )
    if law:
        materials = material_list(user=user).filter(Q(approved_at__isnull=True)).order_by("created_at", "pk")
        found += group("§5 materials to approve", materials, _material, reverse("policies:materials"))
    return found
