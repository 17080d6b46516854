"""API of the training app (EO 13 §2(2); INTERFACES §5): roster, courses, completions, imports and coverage.
The same selectors and services as the staff pages."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from eo13.agencies.models import Agency
from eo13.agencies.selectors import agency_by_code
from eo13.api_limits import Label
from eo13.errors import NotFound, ValidationFailed
from eo13.policies.models import Policy
from eo13.strict_dates import StrictDate
from eo13.training import importers, rules, selectors, services
from eo13.training.models import Completion, Course, RoleGroup, RosterPerson

router = Router(tags=["training"])
MAX_IMPORT_BYTES = 10 * 1024 * 1024


class PersonOut(Schema):
    id: int
    agency: str
    staff_id: str
    display_name: str
    work_email: str
    role_group: RoleGroup
    public_facing: bool
    active: bool
    version: int

    @staticmethod
    def resolve_agency(obj: RosterPerson) -> str:
        return obj.agency.code


class PersonIn(Schema):
    agency: Label
    staff_id: Label
    display_name: Label
    role_group: RoleGroup
    work_email: Label = ""
    public_facing: bool = False


class PersonUpdateIn(Schema):
    version: int
    display_name: Label
    role_group: RoleGroup
    work_email: Label = ""
    public_facing: bool = False
    active: bool = True


class CourseOut(Schema):
    id: int
    agency: str
    code: str
    title: str
    policy_id: int
    policy_version: int
    current: bool
    created_at: dt.datetime

    @staticmethod
    def resolve_agency(obj: Course) -> str:
        return obj.agency.code

    @staticmethod
    def resolve_policy_id(obj: Course) -> int:
        return obj.policy_version.policy_id

    @staticmethod
    def resolve_policy_version(obj: Course) -> int:
        return obj.policy_version.number

    @staticmethod
    def resolve_current(obj: Course) -> bool:
        return obj.is_current


class CourseIn(Schema):
    policy_id: int
    code: Label
    title: Label


class CompletionOut(Schema):
    id: int
    agency: str
    staff_id: str
    course: str
    completed_on: dt.date

    @staticmethod
    def resolve_agency(obj: Completion) -> str:
        return obj.person.agency.code

    @staticmethod
    def resolve_staff_id(obj: Completion) -> str:
        return obj.person.staff_id

    @staticmethod
    def resolve_course(obj: Completion) -> str:
        return obj.course.code


class CompletionIn(Schema):
    agency: Label
    staff_id: Label
    course: Label
    completed_on: StrictDate


class CoverageOut(Schema):
    agency: str
    active: int
    current: int
    out_of_date: int
    not_trained: int
    percent_current: float | None
    complete: bool
    public_facing_active: int
    public_facing_current: int
    current_courses: list[str]
    needs_update: list[str]
    citation: str


class ImportOut(Schema):
    created: int
    updated: int
    unchanged: int
    deactivated: dict[str, int]
    file_sha256: str
    summary: str


class ImportErrorOut(Schema):
    error: str
    errors: list[dict[str, Any]]


def _agency(code: str) -> Agency:
    return agency_by_code(code)


@router.get("/training/roster", response=list[PersonOut], summary="People who must be trained (EO 13 §2(2))")
@paginate
def roster(request: HttpRequest, agency: str | None = None, active: bool | None = None) -> Any:
    return selectors.roster_list(user=request.user, agency=_agency(agency) if agency else None, active=active)


@router.post("/training/roster", response={201: PersonOut}, summary="Add a person to an agency's roster")
def roster_add(request: HttpRequest, payload: PersonIn) -> Status[Any]:
    person = services.person_create(
        actor=request.user,
        agency=_agency(payload.agency),
        staff_id=payload.staff_id,
        display_name=payload.display_name,
        role_group=payload.role_group,
        work_email=payload.work_email,
        public_facing=payload.public_facing,
    )
    return Status(201, person)


@router.get("/training/roster/{person_id}", response=PersonOut, summary="One person on a roster")
def roster_person(request: HttpRequest, person_id: int) -> RosterPerson:
    return selectors.person_get(user=request.user, pk=person_id)


@router.patch("/training/roster/{person_id}", response=PersonOut, summary="Change a person (send the version you read)")
def roster_update(request: HttpRequest, person_id: int, payload: PersonUpdateIn) -> RosterPerson:
    person = selectors.person_get(user=request.user, pk=person_id)
    return services.person_update(
        actor=request.user,
        person=person,
        expected_version=payload.version,
        display_name=payload.display_name,
        role_group=payload.role_group,
        work_email=payload.work_email,
        public_facing=payload.public_facing,
        active=payload.active,
    )


@router.get("/training/courses", response=list[CourseOut], summary="Training courses and whether each is current")
def courses(request: HttpRequest, agency: str | None = None) -> Any:
    return selectors.course_list(user=request.user, agency=_agency(agency) if agency else None)


@router.post("/training/courses", response={201: CourseOut}, summary="A course on a policy's published version")
def course_add(request: HttpRequest, payload: CourseIn) -> Status[Any]:
    policy = Policy.objects.filter(pk=payload.policy_id).select_related("agency").first()
    if policy is None:
        raise NotFound("No such policy.", field="policy_id")
    course = services.course_create(actor=request.user, policy=policy, code=payload.code, title=payload.title)
    return Status(201, selectors.course_list(user=request.user).get(pk=course.pk))


@router.get("/training/completions", response=list[CompletionOut], summary="Who finished which course")
@paginate
def completions(request: HttpRequest, agency: str | None = None) -> Any:
    return selectors.completion_list(user=request.user, agency=_agency(agency) if agency else None)


@router.post("/training/completions", response={201: CompletionOut}, summary="Record a finished course")
def completion_add(request: HttpRequest, payload: CompletionIn) -> Status[Any]:
    agency = _agency(payload.agency)
    staff_id = rules.clean_staff_id(payload.staff_id)
    course_code = rules.clean_course_code(payload.course)
    person = selectors.person_by_staff_id(user=request.user, agency=agency, staff_id=staff_id)
    course = selectors.course_by_code(user=request.user, agency=agency, code=course_code)
    completion, _ = services.completion_record(
        actor=request.user, person=person, course=course, completed_on=payload.completed_on
    )
    return Status(201, completion)


@router.get("/training/coverage", response=list[CoverageOut], summary="Training coverage per agency (EO 13 §2(2))")
def coverage(request: HttpRequest) -> list[dict[str, object]]:
    return [c.as_dict() for c in selectors.coverage_list(user=request.user)]


@router.get("/training/coverage/{code}", response=CoverageOut, summary="One agency's training coverage")
def coverage_one(request: HttpRequest, code: str) -> dict[str, object]:
    return selectors.coverage_get(user=request.user, code=code).as_dict()


def _run_import(request: HttpRequest, file: UploadedFile, importer: Any, noun: str) -> Status[Any]:
    if file.size is not None and file.size > MAX_IMPORT_BYTES:
        raise ValidationFailed("The file is larger than 10 MB.", field="file")
    report = importer(file.read(), actor=request.user)
    if not report.ok:
        errors = [{"line": line, "reason": reason} for line, reason in report.errors]
        return Status(422, {"error": f"{len(errors)} bad row(s); nothing was imported.", "errors": errors})
    return Status(
        200,
        {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "deactivated": report.deactivated,
            "file_sha256": report.sha256,
            "summary": report.summary(noun),
        },
    )


@router.post(
    "/training/imports/roster",
    response={200: ImportOut, 422: ImportErrorOut},
    summary="Import a roster CSV (all or nothing)",
)
def roster_import(request: HttpRequest, file: File[UploadedFile]) -> Status[Any]:
    return _run_import(request, file, importers.import_roster, "roster")


@router.post(
    "/training/imports/completions",
    response={200: ImportOut, 422: ImportErrorOut},
    summary="Import a completions CSV (all or nothing)",
)
def completions_import(request: HttpRequest, file: File[UploadedFile]) -> Status[Any]:
    return _run_import(request, file, importers.import_completions, "completions")
