"""The shell: public home, staff home, health check, and plain error pages (JSON under /api/)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

from eo13.access.policy import DECIDERS
from eo13.accounts.models import Role
from eo13.accounts.policy import has_role, memberships
from eo13.inbox import waiting_for
from eo13.policies.public_cache import cached_public_page


# Kept per language like the other public pages (issue 14: the busiest public page, near the bare view's speed).
@cached_public_page
def public_home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/public_home.html")


@login_required
def staff_home(request: HttpRequest) -> HttpResponse:
    ms = memberships(request.user)
    # Front-line staff come here when officers are at the door: the guide and their counsel's number lead the page.
    agency = ms[0].agency if ms else None
    return render(
        request,
        "web/staff_home.html",
        {
            "memberships": ms,
            "can_guide": has_role(request.user, DECIDERS),
            "guide_first": has_role(request.user, {Role.FRONTLINE}),
            "counsel": agency,
            "waiting": waiting_for(request.user),
        },
    )


# Translated, so a visitor gets the error in their likely language (issue 6: unknown language code -> 404).
_MESSAGES = {
    400: _("The request could not be read. Check what was sent and try again."),
    403: _("You do not have access to this page."),
    404: _("We could not find that page."),
    500: _("Something went wrong on our side. Please try again later."),
}


def _error(request: HttpRequest, status: int) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"error": _MESSAGES[status]}, status=status)
    return render(request, "error.html", {"status": status, "message": _MESSAGES[status]}, status=status)


def bad_request(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _error(request, 400)


def permission_denied(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _error(request, 403)


def page_not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _error(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(request, 500)


def favicon(request: HttpRequest) -> HttpResponse:
    """The icon's real address is hashed by the static files storage, so it is looked up per request."""
    return HttpResponsePermanentRedirect(static("eo13/favicon.svg"))
