"""Sign-in, sign-out and password change, on Django's auth views with our templates."""

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import render
from django.utils import timezone

from eo13.accounts.selectors import token_list
from eo13.accounts.throttle import signin_failed, signin_succeeded, signin_wait, wait_text
from eo13.api_limits import USERNAME_MAX
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record

SESSION_ENDED = {
    "idle": "You were signed out because you did nothing for a while. Sign in again.",
    "absolute": "You were signed out because your session reached its time limit. Sign in again.",
    "revoked": "You were signed out on this device. Sign in again.",
}


def _paused(request: HttpRequest, seconds: int) -> HttpResponse:
    return render(request, "registration/locked_out.html", {"wait": wait_text(seconds)}, status=429)


class LoginForm(AuthenticationForm):
    """Django's sign-in form, refusing a username longer than any account's before anything (the throttle, the
    scrubber, the password check) reads it: `clean()` skips authenticate() when a field is invalid."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].validators.append(MaxLengthValidator(USERNAME_MAX))


class LoginView(auth_views.LoginView):
    """Sign-in, throttled by address and account with growing waits (eo13.accounts.throttle)."""

    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # City sign-in comes first; local passwords only while EO13_LOCAL_LOGIN is on (issue 15).
        from eo13.accounts.oidc_tokens import oidc_configured

        context = super().get_context_data(**kwargs)
        context["city_sign_in"] = oidc_configured()
        context["local_login"] = settings.EO13_LOCAL_LOGIN
        context["session_ended"] = SESSION_ENDED.get(self.request.GET.get("ended", ""), "")
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not settings.EO13_LOCAL_LOGIN:
            return HttpResponseForbidden("Sign-in with a password is turned off here. Use your City account.")
        username = str(request.POST.get("username", ""))
        # An over-long username is refused by the form; it never reaches the throttle's keys.
        wait = signin_wait(request, username) if len(username) <= USERNAME_MAX else 0
        if wait:
            return _paused(request, wait)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: Any) -> HttpResponse:
        username = str(self.request.POST.get("username", ""))
        if username and len(username) <= USERNAME_MAX and self.request.POST.get("password"):
            wait = signin_failed(self.request, username)
            if wait:
                return _paused(self.request, wait)
        return super().form_invalid(form)

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        signin_succeeded(self.request, form.get_user(), response)
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change.html"

    def form_valid(self, form: Any) -> HttpResponse:
        with transaction.atomic():
            response = super().form_valid(form)
            audit_record(
                actor=self.request.user,
                action=AuditAction.USER_PASSWORD_CHANGE,
                target=self.request.user,  # type: ignore[arg-type]
                changes={"password": {"old": "[redacted]", "new": "[redacted]"}},
            )
        return response


@login_required
def my_tokens(request: HttpRequest) -> HttpResponse:
    """The signed-in person's API tokens, with when each expires (tokens are made through the API)."""
    return render(
        request,
        "registration/tokens.html",
        {"tokens": token_list(user=request.user), "days": settings.EO13_TOKEN_DAYS, "now": timezone.now()},
    )
