"""Sign-in, sign-out and password change, on Django's auth views with our templates."""

from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.http import HttpResponse

from eo13.api_limits import USERNAME_MAX
from eo13.audit.services import audit_record


class LoginForm(AuthenticationForm):
    """Django's sign-in form, refusing a username longer than any account's before anything (the throttle, the
    scrubber, the password check) reads it: `clean()` skips authenticate() when a field is invalid."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].validators.append(MaxLengthValidator(USERNAME_MAX))


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change.html"

    def form_valid(self, form: Any) -> HttpResponse:
        with transaction.atomic():
            response = super().form_valid(form)
            audit_record(
                actor=self.request.user,
                action="user.password_change",
                target=self.request.user,  # type: ignore[arg-type]
                changes={"password": {"old": "[redacted]", "new": "[redacted]"}},
            )
        return response
