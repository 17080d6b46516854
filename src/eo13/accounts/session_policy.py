"""Session rules (issue 15; OWASP ASVS 5.0 §7): an idle timeout by role, an absolute timeout, sessions revoked by
"sign out everywhere" or by the HR sync, and the second factor for privileged roles before any staff page.

Times live in the session as seconds since the epoch; a test sets them explicitly instead of waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse

from eo13.accounts.models import Role
from eo13.accounts.policy import memberships

# Roles that must pass a second factor and get the short idle timeout (issue 15). The Committee chair is added by
# membership (is_chair), superusers by their flag.
PRIVILEGED_ROLES = frozenset({Role.CHIEF_PRIVACY_OFFICER, Role.PRIVACY_OFFICER, Role.CITY_HALL, Role.AUDITOR})
STAFF_PREFIXES = ("/staff/", "/accounts/", "/admin/", "/api/")
MFA_EXEMPT_PREFIXES = (
    "/accounts/second-factor/",
    "/accounts/passkeys/",
    "/accounts/logout/",
    "/accounts/login/",
    "/oidc/",
)
SIGNED_IN_AT = "eo13_signed_in_at"
LAST_SEEN = "eo13_last_seen"
LAST_SEEN_RESOLUTION = 60  # seconds; the session is written at most once a minute for this


def is_privileged(user: Any) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return any(m.role in PRIVILEGED_ROLES or (m.role == Role.COMMITTEE and m.is_chair) for m in memberships(user))


def idle_limit_seconds(user: Any) -> int:
    minutes = settings.EO13_IDLE_MINUTES_PRIVILEGED if is_privileged(user) else settings.EO13_IDLE_MINUTES_FRONTLINE
    return int(minutes) * 60


def second_factor_needed(request: HttpRequest) -> bool:
    user = request.user
    if not settings.EO13_MFA_REQUIRED or not is_privileged(user):
        return False
    if request.session.get("eo13_mfa_by_provider"):
        return False
    is_verified = getattr(user, "is_verified", None)
    return not (callable(is_verified) and is_verified())


@receiver(user_logged_in)
def _stamp_sign_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN] = now
        request.session["eo13_mfa_by_provider"] = False


def _ended_because(request: HttpRequest, now: float) -> str:
    session = request.session
    started = float(session.setdefault(SIGNED_IN_AT, now))
    last = float(session.get(LAST_SEEN, started))
    revoked = getattr(request.user, "sessions_revoked_at", None)
    if revoked is not None and revoked.timestamp() >= started:
        return "revoked"
    if now - started > settings.EO13_SESSION_ABSOLUTE_HOURS * 3600:
        return "absolute"
    if now - last > idle_limit_seconds(request.user):
        return "idle"
    return ""


class SessionPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            reason = _ended_because(request, now)
            if reason:
                logout(request)
                return self._to_login(request, {"ended": reason})
            if now - float(request.session.get(LAST_SEEN, 0)) > LAST_SEEN_RESOLUTION:
                request.session[LAST_SEEN] = now
            path = request.path_info
            guarded = path.startswith(STAFF_PREFIXES) and not path.startswith(MFA_EXEMPT_PREFIXES)
            if guarded and second_factor_needed(request):
                if path.startswith("/api/"):
                    return JsonResponse({"error": "Pass the second factor on the web first."}, status=403)
                return HttpResponseRedirect("/accounts/second-factor/?" + urlencode({"next": path}))
        return self.get_response(request)

    @staticmethod
    def _to_login(request: HttpRequest, params: dict[str, str]) -> HttpResponse:
        if request.path_info.startswith("/api/"):
            return JsonResponse({"error": "Your session ended. Sign in again."}, status=401)
        if request.path_info.startswith(STAFF_PREFIXES):
            params["next"] = request.path_info
        return HttpResponseRedirect("/accounts/login/?" + urlencode(params))
