"""City sign-in with OpenID Connect: authorization code flow with PKCE, on mozilla-django-oidc (issue 15).

The library runs the flow (state, nonce, PKCE, code exchange); EO13 adds the provider's discovery document, the
checks the library leaves out (issuer, audience, expiry; see ``oidc_tokens``), accounts from claims, and a clear page
for every refusal instead of a bare redirect.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from eo13.accounts.models import User
from eo13.accounts.oidc_tokens import (
    SignInRefused,
    id_token_claims,
    mfa_done_by_provider,
    oidc_configured,
    provider_keys,
    provider_metadata,
)
from eo13.accounts.signin import user_sign_in_from_claims
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record

log = logging.getLogger(__name__)

# What the person sees for each refusal: plain words, what to do next, whom to ask.
REFUSALS = {
    "state": "This sign-in link was already used or is too old. Start again from the sign-in page.",
    "nonce": "This sign-in answer was already used. Start again from the sign-in page.",
    "issuer": "The sign-in answer did not come from the City's sign-in service. Start again from the sign-in page.",
    "audience": "The sign-in answer was made for another system, not EO13. Start again from the sign-in page.",
    "expired": "The sign-in answer is too old. Start again from the sign-in page.",
    "signature": "EO13 could not check the sign-in answer. Start again. If it happens again, call the City help desk.",
    "provider": "The City's sign-in service did not answer as expected. Try again in a few minutes, or call the "
    "City help desk.",
    "missing_groups": "Your City account does not say which groups you are in, so EO13 cannot tell your role. "
    "Ask your agency's EO13 lead.",
    "unmapped": "Your City account is not linked to an EO13 role yet. Ask your agency's EO13 lead. They can ask "
    "City Hall to add your group.",
    "inactive": "Your EO13 account is switched off. If you still work for the City, ask your agency's EO13 lead.",
    "denied": "The City's sign-in service did not let you in. Ask your agency's EO13 lead.",
}


def refusal_page(request: HttpRequest, reason: str) -> HttpResponse:
    log.warning("City sign-in refused: %s", reason)
    with transaction.atomic():
        audit_record(
            actor="sign-in",
            action=AuditAction.USER_SIGN_IN_REFUSED,
            changes={"method": "city", "reason": reason if reason in REFUSALS else "signature"},
        )
    message = REFUSALS.get(reason, REFUSALS["signature"])
    return render(request, "registration/sign_in_refused.html", {"message": message, "reason": reason}, status=403)


class CitySignInBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    """Signs in with the City's provider. Reads its settings only when a sign-in actually comes back."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The library's __init__ insists on endpoint settings; ours come from the discovery document, later.
        from django.contrib.auth import get_user_model

        self.UserModel = get_user_model()

    def authenticate(self, request: Any, **kwargs: Any) -> Any:
        if request is None or "nonce" not in kwargs or not oidc_configured():
            return None  # a password sign-in, or City sign-in is not set up
        meta = provider_metadata()
        self.OIDC_OP_TOKEN_ENDPOINT = meta["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = meta.get("userinfo_endpoint")
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        try:
            return super().authenticate(request, **kwargs)
        except requests.HTTPError as exc:
            # The provider refused the code: already used, made for another client, or too old.
            raise SignInRefused("state", "code refused by the provider") from exc
        except requests.RequestException as exc:
            raise SignInRefused("provider", type(exc).__name__) from exc

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        return id_token_claims(
            token,
            jwks=provider_keys(),
            issuer=settings.EO13_OIDC_ISSUER,
            client_id=settings.OIDC_RP_CLIENT_ID,
            nonce=kwargs.get("nonce"),
            algorithms=(settings.OIDC_RP_SIGN_ALGO,),
        )

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> User:
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            info = self.get_userinfo(access_token, id_token, payload)
            if info.get("sub") != payload.get("sub"):
                raise SignInRefused("signature", "userinfo names another subject")
            claims = {**info, **payload}
        user = user_sign_in_from_claims(claims=claims)
        user._eo13_mfa_by_provider = mfa_done_by_provider(payload)  # type: ignore[attr-defined]
        return user

    def get_user(self, user_id: Any) -> Any:
        user = super().get_user(user_id)
        return user if user is not None and user.is_active else None


class CitySignInStart(OIDCAuthenticationRequestView):  # type: ignore[misc]
    """Sends the person to the City's provider with state, nonce and a PKCE challenge."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        if not oidc_configured():
            raise Http404("City sign-in is not set up here.")
        try:
            self.OIDC_OP_AUTH_ENDPOINT = provider_metadata()["authorization_endpoint"]
        except SignInRefused as exc:
            return refusal_page(request, exc.reason)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)  # type: ignore[no-any-return]


class CitySignInCallback(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    """Where the provider sends the person back. Every failure is a page that says why; nothing is made."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not oidc_configured():
            raise Http404("City sign-in is not set up here.")
        if request.GET.get("error"):
            super().get(request)  # forgets the state, signs out
            return refusal_page(request, "denied")
        state = request.GET.get("state")
        if not request.GET.get("code") or state not in (request.session.get("oidc_states") or {}):
            return refusal_page(request, "state")
        try:
            return super().get(request)  # type: ignore[no-any-return]
        except SignInRefused as exc:
            return refusal_page(request, exc.reason)
        except SuspiciousOperation:
            return refusal_page(request, "signature")

    def login_failure(self) -> HttpResponse:
        return refusal_page(self.request, "inactive")

    def login_success(self) -> HttpResponse:
        response = super().login_success()
        self.request.session["eo13_mfa_by_provider"] = bool(getattr(self.user, "_eo13_mfa_by_provider", False))
        self.request.session["eo13_sign_in_method"] = "oidc"
        return response  # type: ignore[no-any-return]


def provider_logout_url(request: HttpRequest, id_token: str | None) -> str:
    """The provider's own sign-out (RP-initiated logout), offered after EO13's; empty when it has none."""
    if not oidc_configured():
        return ""
    try:
        endpoint = provider_metadata().get("end_session_endpoint")
    except SignInRefused:
        return ""
    if not endpoint:
        return ""
    params = {"client_id": settings.OIDC_RP_CLIENT_ID}
    if id_token:
        params["id_token_hint"] = id_token
    params["post_logout_redirect_uri"] = request.build_absolute_uri("/accounts/login/")
    return f"{endpoint}?{urlencode(params)}"
