"""API: tokens and the caller's own account (INTERFACES §5)."""

from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema, Status

from eo13.accounts.api_throttle import ClientAnonRateThrottle
from eo13.accounts.mfa import mfa_verify
from eo13.accounts.models import Membership
from eo13.accounts.passkeys import mfa_enrolled
from eo13.accounts.policy import memberships
from eo13.accounts.selectors import membership_list, token_list
from eo13.accounts.session_policy import is_privileged
from eo13.accounts.throttle import signin_failed, signin_succeeded, signin_wait, wait_text
from eo13.accounts.tokens import token_create, token_revoke
from eo13.api_limits import ErrorOut, Label, Secret, Username
from eo13.errors import EO13Error, NotFound

router = Router(tags=["accounts"])


class Credentials(Schema):
    username: Username
    password: Secret
    name: Label = "API token"
    code: Label | None = None  # the second factor: a code from the authenticator app, or a recovery code


class TokenOut(Schema):
    token: str
    expires_at: Any


class TokenInfo(Schema):
    id: int
    name: str
    prefix: str
    created_at: Any
    last_used_at: Any | None
    revoked_at: Any | None
    expires_at: Any | None


class MembershipOut(Schema):
    username: str
    agency: str
    role: str
    is_chair: bool

    # Read from the record itself, so /me and /memberships answer with one shape (issue 11 point 5).
    @staticmethod
    def resolve_username(obj: Membership) -> str:
        return obj.user.get_username()

    @staticmethod
    def resolve_agency(obj: Membership) -> str:
        return obj.agency.code


class MeOut(Schema):
    username: str
    memberships: list[MembershipOut]

    # The caller is the object: /me answers with the signed-in user and the roles read once per request.
    @staticmethod
    def resolve_username(obj: Any) -> str:
        return str(obj.get_username())

    @staticmethod
    def resolve_memberships(obj: Any) -> list[Membership]:
        return memberships(obj)


class Unauthorized(EO13Error):
    status = 401


class Throttled(EO13Error):
    status = 429


@router.post(
    "/auth/token",
    auth=None,
    response={201: TokenOut, 401: ErrorOut},
    throttle=[ClientAnonRateThrottle("10/m")],
    summary="Get an API token",
    description="Throttled by address and account with growing waits (README, Sign-in throttling).",
)
def auth_token(request: HttpRequest, payload: Credentials) -> Status[Any]:
    creds = {"username": payload.username, "password": payload.password}
    wait = signin_wait(request, payload.username)
    if wait:
        raise Throttled(f"Too many failed sign-ins. Try again in {wait_text(wait)}.")
    user = authenticate(request, **creds)
    if user is None or not user.is_active:
        wait = signin_failed(request, payload.username)
        if wait:
            raise Throttled(f"Too many failed sign-ins. Try again in {wait_text(wait)}.")
        raise Unauthorized("Wrong username or password.")
    if settings.EO13_MFA_REQUIRED and is_privileged(user):
        # A token is a sign-in too: the second factor the web asks of privileged roles is asked here (issue 15).
        if not mfa_enrolled(user):
            raise Unauthorized(
                "Your role needs a second factor. Sign in on the web once to set up your authenticator app, "
                "then ask for a token with a code from it.",
                "code",
            )
        if not payload.code or mfa_verify(actor=user, code=payload.code) is None:
            wait = signin_failed(request, payload.username)
            if wait:
                raise Throttled(f"Too many failed sign-ins. Try again in {wait_text(wait)}.")
            raise Unauthorized("Give the newest code from your authenticator app, or a recovery code.", "code")
    signin_succeeded(request, user)
    token, raw = token_create(actor=user, name=payload.name)
    return Status(201, {"token": raw, "expires_at": token.expires_at})


@router.get("/auth/tokens", response=list[TokenInfo], summary="My API tokens")
def my_tokens(request: HttpRequest) -> Any:
    return token_list(user=request.user)


@router.delete("/auth/tokens/{token_id}", response={204: None}, summary="Revoke one of my API tokens")
def revoke_token(request: HttpRequest, token_id: int) -> Status[Any]:
    token = token_list(user=request.user).filter(pk=token_id).first()
    if token is None:
        raise NotFound("No such token.")
    token_revoke(actor=request.user, token=token)  # type: ignore[arg-type]
    return Status(204, None)


@router.get("/me", response=MeOut, summary="Who I am and my roles")
def me(request: HttpRequest) -> Any:
    return request.user


@router.get("/memberships", response=list[MembershipOut], summary="People and roles I may see")
def membership_index(request: HttpRequest, agency: str | None = None) -> QuerySet[Membership]:
    return membership_list(user=request.user, agency_code=agency)
