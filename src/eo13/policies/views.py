"""Staff pages for policies and translations (EO 13 §2(1)). Thin: each reads through a selector or calls one
service; errors from the service become a message on the same page, never a 500."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from eo13.accounts.policy import Role, agency_ids
from eo13.agencies.models import Agency
from eo13.errors import EO13Error
from eo13.policies import selectors, services
from eo13.policies.forms import PolicyForm, ReviewForm, TranslationForm, VersionForm
from eo13.policies.models import VersionStatus
from eo13.policies.permissions import POLICY_ACCESS, is_citywide_translator, is_law_reviewer
from eo13.policies.plain import plain_language_report, render_markdown
from eo13.web.decorators import staff_page
from eo13.web.errors import form_error


@staff_page
def policy_list(request: HttpRequest) -> HttpResponse:
    policies = selectors.policy_list(user=request.user).prefetch_related("versions")
    can_create = bool(agency_ids(request.user, {Role.AGENCY_LEAD}))
    return render(
        request,
        "policies/list.html",
        {"policies": policies, "can_create": can_create, "is_reviewer": is_law_reviewer(request.user)},
    )


@staff_page
def policy_new(request: HttpRequest) -> HttpResponse:
    agencies = Agency.objects.filter(pk__in=agency_ids(request.user, POLICY_ACCESS.write_own))
    if not agencies.exists():
        messages.error(request, "Only an agency's compliance lead can start a policy.")
        return redirect("policies:list")
    form = PolicyForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        try:
            policy = services.policy_create(actor=request.user, **form.cleaned_data)
        except EO13Error as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Draft saved. Check the plain-language report, then send it for review.")
            return redirect("policies:version-edit", pk=policy.versions.get().pk)
    return render(request, "policies/policy_form.html", {"form": form})


@staff_page
def policy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    policy = selectors.policy_get(user=request.user, pk=pk)
    versions = selectors.version_list(user=request.user).filter(policy=policy).order_by("-number")
    board = selectors.coverage_board(user=request.user, agency=policy.agency)
    row = next((r for r in board["rows"] if r.policy.pk == policy.pk), None)
    return render(
        request,
        "policies/detail.html",
        {
            "policy": policy,
            "versions": versions,
            "open_version": next((v for v in versions if v.status in ("draft", "in_review")), None),
            "coverage": row,
            "can_write": POLICY_ACCESS.can_write(request.user, policy),
            "can_translate": POLICY_ACCESS.can_write(request.user, policy) or is_citywide_translator(request.user),
            "can_approve_translation": POLICY_ACCESS.can_write(request.user, policy) or is_law_reviewer(request.user),
            "is_reviewer": is_law_reviewer(request.user),
        },
    )


@staff_page
@require_POST
def version_start(request: HttpRequest, pk: int) -> HttpResponse:
    policy = selectors.policy_get(user=request.user, pk=pk)
    try:
        version = services.version_start(actor=request.user, policy=policy)
    except EO13Error as exc:
        messages.error(request, exc.message)
        return redirect("policies:detail", pk=policy.pk)
    return redirect("policies:version-edit", pk=version.pk)


@staff_page
def version_edit(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_get(user=request.user, pk=pk)
    initial = {"title": version.title, "body": version.body, "change_summary": version.change_summary}
    form = VersionForm(request.POST or None, initial={**initial, "version": version.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.version_update(
                actor=request.user,
                version=version,
                expected_version=data["version"],
                title=data["title"],
                body=data["body"],
                change_summary=data["change_summary"],
            )
        except EO13Error as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Draft saved.")
            return redirect("policies:version-edit", pk=version.pk)
    return render(
        request,
        "policies/version_edit.html",
        {
            "version": version,
            "form": form,
            "editable": version.status == VersionStatus.DRAFT and POLICY_ACCESS.can_write(request.user, version.policy),
            "report": plain_language_report(version.body),
            "preview": render_markdown(version.body),
        },
    )


@staff_page
@require_POST
def version_submit(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_get(user=request.user, pk=pk)
    try:
        services.version_submit(
            actor=request.user, version=version, expected_version=int(request.POST.get("version", 0))
        )
    except (EO13Error, ValueError) as exc:
        messages.error(request, getattr(exc, "message", "The form could not be read."))
        return redirect("policies:version-edit", pk=version.pk)
    messages.success(request, "Sent to the Law Department for review.")
    return redirect("policies:detail", pk=version.policy_id)


@staff_page
def review_queue(request: HttpRequest) -> HttpResponse:
    return render(request, "policies/review_queue.html", {"versions": selectors.review_queue(user=request.user)})


@staff_page
def version_review(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_get(user=request.user, pk=pk)
    form = ReviewForm(request.POST or None, initial={"version": version.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if "approve" in request.POST:
                services.version_approve(
                    actor=request.user, version=version, expected_version=data["version"], note=data["note"]
                )
                messages.success(request, f"Approved. Version {version.number} is now on the public site.")
            else:
                services.version_return(
                    actor=request.user, version=version, expected_version=data["version"], note=data["note"]
                )
                messages.success(request, "Sent back to the agency with your note.")
        except EO13Error as exc:
            form_error(form, exc)
        else:
            return redirect("policies:detail", pk=version.policy_id)
    return render(
        request,
        "policies/version_review.html",
        {
            "version": version,
            "form": form,
            "report": plain_language_report(version.body),
            "preview": render_markdown(version.body),
            "is_reviewer": is_law_reviewer(request.user),
        },
    )


@staff_page
def translation_new(request: HttpRequest, pk: int) -> HttpResponse:
    policy = selectors.policy_get(user=request.user, pk=pk)
    current = policy.current_version
    initial = {"language": request.GET.get("language", ""), "version": current.number if current else None}
    form = TranslationForm(
        request.POST or None, request.FILES or None, initial=initial, languages=selectors.languages()
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.translation_submit(
                actor=request.user,
                policy=policy,
                language_code=data["language"],
                version_number=data["version"],
                title=data["title"],
                body=data["body"],
            )
        except EO13Error as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Translation saved. A second person must approve it before it is public.")
            return redirect("policies:detail", pk=policy.pk)
    return render(request, "policies/translation_form.html", {"policy": policy, "current": current, "form": form})


@staff_page
@require_http_methods(["GET", "POST"])
def translation_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """GET shows the translation beside the English it translates, so the approver reads before approving."""
    translation = selectors.translation_get(user=request.user, pk=pk)
    if request.method == "GET":
        english = translation.version
        current = english.policy.current_version_id == english.pk
        return render(
            request,
            "policies/translation_review.html",
            {
                "t": translation,
                "english": english,
                "english_body": render_markdown(english.body),
                "body": render_markdown(translation.body),
                "rtl": translation.language.code.split("-")[0] in settings.LANGUAGES_BIDI,
                "current": current,
                "can_approve": services.may_approve_translation(request.user, translation) and current,
            },
        )
    try:
        services.translation_approve(
            actor=request.user, translation=translation, expected_version=int(request.POST.get("version", 0))
        )
    except (EO13Error, ValueError) as exc:
        messages.error(request, getattr(exc, "message", "The form could not be read."))
    else:
        messages.success(request, f"{translation.language.name} translation approved. It is now on the public site.")
    return redirect("policies:detail", pk=translation.version.policy_id)


@staff_page
def coverage(request: HttpRequest) -> HttpResponse:
    return render(request, "policies/coverage.html", {"board": selectors.coverage_board(user=request.user)})
