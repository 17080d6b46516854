"""API for policies, translations, coverage and §5 materials (EO 13 §2(1), §5). Same services as the web."""

from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema, Status

from eo13.agencies.models import Agency
from eo13.agencies.selectors import agency_by_code
from eo13.api_limits import Body, Label, Note
from eo13.policies import material_services, selectors, services
from eo13.policies.models import (
    DesignatedLanguage,
    Dissemination,
    Material,
    Policy,
    PolicyTranslation,
    PolicyVersion,
)
from eo13.policies.plain import plain_language_report

router = Router(tags=["policies"])


class LanguageOut(Schema):
    code: str
    name: str
    native_name: str
    designated_on: str
    source: str

    # Each answer's shape is read from the record by its schema, one way for lists and single answers
    # (issue 11 point 5).
    @staticmethod
    def resolve_designated_on(obj: DesignatedLanguage) -> str:
        return obj.designated_on.isoformat()


class VersionOut(Schema):
    id: int
    policy_id: int
    number: int
    title: str
    body: str
    change_summary: str
    status: str
    lock: int
    created_by: str
    submitted_by: str | None
    submitted_at: datetime | None
    reviewed_by: str | None
    reviewed_at: datetime | None
    review_note: str
    published_at: datetime | None

    @staticmethod
    def resolve_lock(obj: PolicyVersion) -> int:
        return obj.version

    @staticmethod
    def resolve_created_by(obj: PolicyVersion) -> str:
        return obj.created_by.get_username()

    @staticmethod
    def resolve_submitted_by(obj: PolicyVersion) -> str | None:
        return _name(obj.submitted_by)

    @staticmethod
    def resolve_reviewed_by(obj: PolicyVersion) -> str | None:
        return _name(obj.reviewed_by)


class PolicyOut(Schema):
    id: int
    agency: str
    slug: str
    current_version: int | None
    published_at: datetime | None

    @staticmethod
    def resolve_agency(obj: Policy) -> str:
        return obj.agency.code

    @staticmethod
    def resolve_current_version(obj: Policy) -> int | None:
        return obj.current_version.number if obj.current_version else None

    @staticmethod
    def resolve_published_at(obj: Policy) -> datetime | None:
        return obj.current_version.published_at if obj.current_version else None


class PolicyIn(Schema):
    agency: Label
    title: Label
    body: Body
    change_summary: Note = ""


class VersionIn(Schema):
    lock: int
    title: Label
    body: Body
    change_summary: Note = ""


class LockIn(Schema):
    lock: int


class ReviewIn(Schema):
    lock: int
    note: Note = ""


class TranslationIn(Schema):
    language: Label
    version: int
    title: Label
    body: Body


class TranslationOut(Schema):
    id: int
    policy_id: int
    version: int
    language: str
    title: str
    status: str
    lock: int
    translated_by: str
    approved_by: str | None
    approved_at: datetime | None

    @staticmethod
    def resolve_policy_id(obj: PolicyTranslation) -> int:
        return obj.version.policy_id

    @staticmethod
    def resolve_version(obj: PolicyTranslation) -> int:
        return obj.version.number  # the English version this translates; the edit lock is ``lock``

    @staticmethod
    def resolve_language(obj: PolicyTranslation) -> str:
        return obj.language.code

    @staticmethod
    def resolve_lock(obj: PolicyTranslation) -> int:
        return obj.edit_version

    @staticmethod
    def resolve_translated_by(obj: PolicyTranslation) -> str:
        return obj.translated_by.get_username()

    @staticmethod
    def resolve_approved_by(obj: PolicyTranslation) -> str | None:
        return _name(obj.approved_by)


class MaterialIn(Schema):
    kind: Label
    audience: Label
    title: Label
    body: Body
    languages: list[Label]


class MaterialUpdateIn(MaterialIn):
    lock: int


class SendIn(Schema):
    agencies: list[Label]


class DisseminationOut(Schema):
    id: int
    agency: str
    sent_at: datetime
    confirmed_at: datetime | None

    @staticmethod
    def resolve_agency(obj: Dissemination) -> str:
        return obj.agency.code


class MaterialOut(Schema):
    id: int
    kind: str
    section: str
    audience: str
    title: str
    body: str
    languages: list[str]
    owner: str
    approved_at: datetime | None
    lock: int
    disseminations: list[DisseminationOut]

    @staticmethod
    def resolve_owner(obj: Material) -> str:
        return obj.owner.code

    @staticmethod
    def resolve_lock(obj: Material) -> int:
        return obj.version

    @staticmethod
    def resolve_disseminations(obj: Material) -> list[Dissemination]:
        return list(obj.disseminations.select_related("agency"))


def _name(user: Any) -> str | None:
    return user.get_username() if user is not None else None


def _agency(code: str) -> Agency:
    return agency_by_code(code)


@router.get("/languages", response=list[LanguageOut], summary="The designated citywide languages")
def list_languages(request: HttpRequest) -> QuerySet[DesignatedLanguage]:
    return selectors.languages()


@router.get("/policies", response=list[PolicyOut])
def list_policies(request: HttpRequest) -> QuerySet[Policy]:
    return selectors.policy_list(user=request.user)


@router.post("/policies", response={201: PolicyOut}, summary="Start a policy with its first draft (EO 13 §2(1))")
def create_policy(request: HttpRequest, payload: PolicyIn) -> Status[Any]:
    policy = services.policy_create(
        actor=request.user,
        agency=_agency(payload.agency),
        title=payload.title,
        body=payload.body,
        change_summary=payload.change_summary,
    )
    return Status(201, policy)


@router.get("/policies/coverage", summary="Translation coverage per policy and language (Admin Code §23-1102)")
def policy_coverage(request: HttpRequest) -> dict[str, Any]:
    board = selectors.coverage_board(user=request.user)
    return {
        "languages": [lang.code for lang in board["languages"]],
        "policies": [
            {
                "policy_id": row.policy.pk,
                "agency": row.policy.agency.code,
                "version": row.policy.current_version.number,
                "languages": {cell.language.code: cell.state for cell in row.cells},
            }
            for row in board["rows"]
        ],
    }


@router.get("/policies/{int:policy_id}", response=PolicyOut)
def get_policy(request: HttpRequest, policy_id: int) -> Policy:
    return selectors.policy_get(user=request.user, pk=policy_id)


@router.get("/policies/{int:policy_id}/versions", response=list[VersionOut])
def list_versions(request: HttpRequest, policy_id: int) -> QuerySet[PolicyVersion]:
    policy = selectors.policy_get(user=request.user, pk=policy_id)
    return selectors.version_list(user=request.user).filter(policy=policy)


@router.post("/policies/{int:policy_id}/versions", response={201: VersionOut}, summary="Start a new draft")
def start_version(request: HttpRequest, policy_id: int) -> Status[Any]:
    policy = selectors.policy_get(user=request.user, pk=policy_id)
    return Status(201, services.version_start(actor=request.user, policy=policy))


@router.get("/policy-versions/{int:version_id}", response=VersionOut)
def get_version(request: HttpRequest, version_id: int) -> PolicyVersion:
    return selectors.version_get(user=request.user, pk=version_id)


@router.get("/policy-versions/{int:version_id}/plain-language", summary="Grade level, long sentences, passive voice")
def version_plain_language(request: HttpRequest, version_id: int) -> dict[str, object]:
    return plain_language_report(selectors.version_get(user=request.user, pk=version_id).body).as_dict()


@router.patch("/policy-versions/{int:version_id}", response=VersionOut, summary="Edit a draft")
def update_version(request: HttpRequest, version_id: int, payload: VersionIn) -> PolicyVersion:
    version = selectors.version_get(user=request.user, pk=version_id)
    return services.version_update(
        actor=request.user,
        version=version,
        expected_version=payload.lock,
        title=payload.title,
        body=payload.body,
        change_summary=payload.change_summary,
    )


@router.post("/policy-versions/{int:version_id}/submit", response=VersionOut, summary="Send to the Law Department")
def submit_version(request: HttpRequest, version_id: int, payload: LockIn) -> PolicyVersion:
    version = selectors.version_get(user=request.user, pk=version_id)
    return services.version_submit(actor=request.user, version=version, expected_version=payload.lock)


@router.post("/policy-versions/{int:version_id}/approve", response=VersionOut, summary="Approve and publish")
def approve_version(request: HttpRequest, version_id: int, payload: ReviewIn) -> PolicyVersion:
    version = selectors.version_get(user=request.user, pk=version_id)
    return services.version_approve(
        actor=request.user, version=version, expected_version=payload.lock, note=payload.note
    )


@router.post("/policy-versions/{int:version_id}/return", response=VersionOut, summary="Send back with a note")
def return_version(request: HttpRequest, version_id: int, payload: ReviewIn) -> PolicyVersion:
    version = selectors.version_get(user=request.user, pk=version_id)
    return services.version_return(
        actor=request.user, version=version, expected_version=payload.lock, note=payload.note
    )


@router.post("/policies/{int:policy_id}/translations", response={201: TranslationOut})
def submit_translation(request: HttpRequest, policy_id: int, payload: TranslationIn) -> Status[Any]:
    policy = selectors.policy_get(user=request.user, pk=policy_id)
    translation = services.translation_submit(
        actor=request.user,
        policy=policy,
        language_code=payload.language,
        version_number=payload.version,
        title=payload.title,
        body=payload.body,
    )
    return Status(201, translation)


@router.post("/policy-translations/{int:translation_id}/approve", response=TranslationOut)
def approve_translation(request: HttpRequest, translation_id: int, payload: LockIn) -> PolicyTranslation:
    translation = selectors.translation_get(user=request.user, pk=translation_id)
    return services.translation_approve(actor=request.user, translation=translation, expected_version=payload.lock)


@router.get("/materials", response=list[MaterialOut], summary="The §5 library (EO 13 §5(1)–(4))")
def list_materials(request: HttpRequest) -> QuerySet[Material]:
    return selectors.material_list(user=request.user)


@router.post("/materials", response={201: MaterialOut})
def create_material(request: HttpRequest, payload: MaterialIn) -> Status[Any]:
    return Status(201, material_services.material_create(actor=request.user, **payload.dict()))


@router.get("/materials/{int:material_id}", response=MaterialOut)
def get_material(request: HttpRequest, material_id: int) -> Material:
    return selectors.material_get(user=request.user, pk=material_id)


@router.patch("/materials/{int:material_id}", response=MaterialOut)
def update_material(request: HttpRequest, material_id: int, payload: MaterialUpdateIn) -> Material:
    material = selectors.material_get(user=request.user, pk=material_id)
    data = payload.dict()
    lock = data.pop("lock")
    return material_services.material_update(actor=request.user, material=material, expected_version=lock, **data)


@router.post("/materials/{int:material_id}/approve", response=MaterialOut)
def approve_material(request: HttpRequest, material_id: int, payload: LockIn) -> Material:
    material = selectors.material_get(user=request.user, pk=material_id)
    return material_services.material_approve(actor=request.user, material=material, expected_version=payload.lock)


@router.post("/materials/{int:material_id}/send", response=MaterialOut)
def send_material(request: HttpRequest, material_id: int, payload: SendIn) -> Material:
    material = selectors.material_get(user=request.user, pk=material_id)
    agencies = [_agency(code) for code in payload.agencies]
    material_services.material_send(actor=request.user, material=material, agencies=agencies)
    return selectors.material_get(user=request.user, pk=material_id)


@router.post("/disseminations/{int:dissemination_id}/confirm", response=DisseminationOut)
def confirm_dissemination(request: HttpRequest, dissemination_id: int) -> Dissemination:
    return material_services.dissemination_confirm(
        actor=request.user, dissemination=selectors.dissemination_get(user=request.user, pk=dissemination_id)
    )
