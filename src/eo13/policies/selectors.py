"""Reads for policies, translations, coverage and materials (EO 13 §2(1), §5).

Staff reads start from the record type's AgencyScopedPolicy; the Law Department's reviewers and MOIA's
translators read every agency's policies because their job spans agencies. Public reads return published
records only and need no user.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from eo13.accounts.policy import agency_ids, has_role
from eo13.agencies.models import Agency
from eo13.errors import NotFound
from eo13.policies.models import (
    DesignatedLanguage,
    Dissemination,
    Material,
    Policy,
    PolicyTranslation,
    PolicyVersion,
    TranslationStatus,
    VersionStatus,
)
from eo13.policies.permissions import (
    CITYWIDE_READERS,
    DISSEMINATION_ACCESS,
    MATERIAL_ACCESS,
    POLICY_ACCESS,
    TRANSLATION_ACCESS,
    VERSION_ACCESS,
    is_law_reviewer,
    is_material_maker,
    sees_all_policies,
)


def languages() -> QuerySet[DesignatedLanguage]:
    return DesignatedLanguage.objects.filter(active=True)


# ---- staff reads ---------------------------------------------------------------------------------------------


# Front-line staff and privacy officers follow what is in force; drafts are the drafting agency's and reviewers'.
IN_FORCE = (VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED)


def _sees_drafts_everywhere(user: Any) -> bool:
    return sees_all_policies(user) or has_role(user, CITYWIDE_READERS)


def policy_list(*, user: Any, agency: Agency | None = None) -> QuerySet[Policy]:
    qs = Policy.objects.select_related("agency", "current_version")
    if not _sees_drafts_everywhere(user):
        drafting = agency_ids(user, POLICY_ACCESS.write_own)
        qs = POLICY_ACCESS.visible(user, qs).filter(Q(current_version__isnull=False) | Q(agency__in=drafting))
    return qs.filter(agency=agency) if agency is not None else qs


def policy_get(*, user: Any, pk: int) -> Policy:
    policy = policy_list(user=user).filter(pk=pk).first()
    if policy is None:
        raise NotFound("No such policy.")
    return policy


def version_list(*, user: Any) -> QuerySet[PolicyVersion]:
    qs = PolicyVersion.objects.select_related("policy__agency", "created_by", "submitted_by", "reviewed_by")
    if _sees_drafts_everywhere(user):
        return qs
    drafting = agency_ids(user, VERSION_ACCESS.write_own)
    return VERSION_ACCESS.visible(user, qs).filter(Q(status__in=IN_FORCE) | Q(policy__agency__in=drafting))


def version_get(*, user: Any, pk: int) -> PolicyVersion:
    version = version_list(user=user).filter(pk=pk).first()
    if version is None:
        raise NotFound("No such policy version.")
    return version


def review_queue(*, user: Any) -> QuerySet[PolicyVersion]:
    """Versions waiting for the Law Department; empty for anyone else."""
    if not is_law_reviewer(user):
        return PolicyVersion.objects.none()
    return version_list(user=user).filter(status=VersionStatus.IN_REVIEW).order_by("submitted_at")


def translation_list(*, user: Any) -> QuerySet[PolicyTranslation]:
    qs = PolicyTranslation.objects.select_related("version__policy__agency", "language", "translated_by")
    return qs if sees_all_policies(user) else TRANSLATION_ACCESS.visible(user, qs)


def translation_get(*, user: Any, pk: int) -> PolicyTranslation:
    translation = translation_list(user=user).filter(pk=pk).first()
    if translation is None:
        raise NotFound("No such translation.")
    return translation


# ---- coverage (Admin Code §23-1102: each designated language) -------------------------------------------------

CURRENT, WAITING, STALE, MISSING = "current", "waiting", "stale", "missing"
STATE_LABELS = {
    CURRENT: "Current",
    WAITING: "Waiting for approval",
    STALE: "Stale (older version)",
    MISSING: "Missing",
}


@dataclass
class CoverageCell:
    language: DesignatedLanguage
    state: str
    translation: PolicyTranslation | None = None

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass
class CoverageRow:
    policy: Policy
    cells: list[CoverageCell] = field(default_factory=list)


def _cell(policy: Policy, language: DesignatedLanguage, by_key: dict[Any, list[PolicyTranslation]]) -> CoverageCell:
    found = by_key.get((policy.pk, language.pk), [])
    current = [t for t in found if t.version_id == policy.current_version_id]
    if current:
        t = current[0]
        return CoverageCell(language, CURRENT if t.status == TranslationStatus.APPROVED else WAITING, t)
    older = [t for t in found if t.status == TranslationStatus.APPROVED]
    if older:
        return CoverageCell(language, STALE, max(older, key=lambda t: t.version.number))
    return CoverageCell(language, MISSING)


def coverage_board(*, user: Any, agency: Agency | None = None) -> dict[str, Any]:
    """Per published policy and language: current, waiting, stale or missing; and per agency, a summary."""
    langs = list(languages())
    policies = list(policy_list(user=user, agency=agency).filter(current_version__isnull=False))
    translations = translation_list(user=user).filter(version__policy__in=policies).select_related("version")
    by_key: dict[Any, list[PolicyTranslation]] = {}
    for t in translations:
        by_key.setdefault((t.version.policy_id, t.language_id), []).append(t)
    rows = [CoverageRow(p, [_cell(p, lang, by_key) for lang in langs]) for p in policies]
    summary: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = summary.setdefault(row.policy.agency.code, {"agency": row.policy.agency, "policies": 0, "current": {}})
        entry["policies"] += 1
        for cell in row.cells:
            entry["current"][cell.language.code] = entry["current"].get(cell.language.code, 0) + int(
                cell.state == CURRENT
            )
    agencies = [
        {"agency": e["agency"], "policies": e["policies"], "cells": [(lang, e["current"][lang.code]) for lang in langs]}
        for e in summary.values()
    ]
    return {"languages": langs, "rows": rows, "agencies": agencies}


# ---- materials (EO 13 §5) ------------------------------------------------------------------------------------


def material_list(*, user: Any) -> QuerySet[Material]:
    """Makers and citywide readers see the whole library; an agency sees its own and what was sent to it."""
    qs = Material.objects.select_related("owner", "created_by", "approved_by")
    if is_material_maker(user) or is_law_reviewer(user):
        return qs
    own = MATERIAL_ACCESS.visible(user, Material.objects.all()).values("pk")
    sent = DISSEMINATION_ACCESS.visible(user, Dissemination.objects.all()).values("material_id")
    return qs.filter(Q(pk__in=own) | Q(pk__in=sent, approved_at__isnull=False))


def material_get(*, user: Any, pk: int) -> Material:
    material = (
        material_list(user=user)
        .prefetch_related(Prefetch("disseminations", queryset=Dissemination.objects.select_related("agency")))
        .filter(pk=pk)
        .first()
    )
    if material is None:
        raise NotFound("No such material.")
    return material


def dissemination_get(*, user: Any, pk: int) -> Dissemination:
    qs = DISSEMINATION_ACCESS.visible(user, Dissemination.objects.select_related("agency", "material"))
    found: Dissemination | None = qs.filter(pk=pk).first()
    if found is None:
        raise NotFound("No such record of a material sent.")
    return found


def citywide_reader(user: Any) -> bool:

    return has_role(user, CITYWIDE_READERS)


# ---- public reads (no user: published records only) ----------------------------------------------------------


def public_agencies() -> list[Agency]:
    """The six §2 agencies, then any other agency that has published a policy."""
    qs = Agency.objects.filter(active=True).filter(Q(is_section_2=True) | Q(policies__current_version__isnull=False))
    return list(qs.distinct().order_by("-is_section_2", "code"))


def public_agency(code: str) -> Agency:
    agency = next((a for a in public_agencies() if a.code.lower() == code.lower()), None)
    if agency is None:
        raise NotFound("No such agency.")
    return agency


def public_policies(*, agency: Agency) -> list[Policy]:
    return list(
        Policy.objects.filter(agency=agency, current_version__isnull=False)
        .select_related("current_version")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=PolicyVersion.objects.filter(
                    status__in=[VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED]
                ).order_by("-number"),
                to_attr="history",
            )
        )
        .order_by("slug")
    )


def public_translations(*, versions: list[PolicyVersion], language_code: str) -> dict[int, PolicyTranslation]:
    """Approved translations of these versions into one language, by version id."""
    found = PolicyTranslation.objects.filter(
        version__in=versions, language__code=language_code, status=TranslationStatus.APPROVED
    )
    return {t.version_id: t for t in found}


def public_materials() -> QuerySet[Material]:
    """Approved public information and rights information (EO 13 §5(3), §5(4))."""
    return Material.objects.filter(approved_at__isnull=False, audience="public").order_by("kind", "title")
