"""Sign-in, sign-out and password change, on Django's auth views with our templates."""

from typing import Any

from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import HttpResponse

from eo13.audit.services import audit_record


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
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
