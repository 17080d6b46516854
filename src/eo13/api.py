"""The one API object. Each app adds its router here (INTERFACES §5)."""

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import DataError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer, SessionAuth

from eo13.accounts.api_throttle import ClientAnonRateThrottle, ClientAuthRateThrottle
from eo13.accounts.tokens import token_user
from eo13.api_limits import LimitedParser, document_errors
from eo13.errors import EO13Error


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = token_user(token)
        if user is not None:
            request.user = user
        return user


class SignedInSession(SessionAuth):
    """Session auth that checks CSRF only for a signed-in session: an anonymous write is answered 401 (sign in),
    not a CSRF 403, since there is no session whose authority a forged request could borrow."""

    def _get_key(self, request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)


class EO13API(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None) -> Any:
        return document_errors(super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params))


api = EO13API(
    title="EO13 API",
    version="1",
    description="New York City's system for carrying out Executive Order 13 of 2026. "
    "Authenticate with a session (and CSRF token) or `Authorization: Bearer <token>`.",
    urls_namespace="api",
    auth=[BearerToken(), SignedInSession()],
    parser=LimitedParser(),
    # From the environment (issue 14); kept in the cache, so shared by all workers when CACHE_URL is Redis.
    throttle=[ClientAnonRateThrottle(settings.EO13_ANON_RATE), ClientAuthRateThrottle(settings.EO13_API_RATE)],
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def _error(request: HttpRequest, status: int, message: str, field: str | None = None) -> HttpResponse:
    body: dict[str, Any] = {"error": message}
    if field is not None:
        body["field"] = field
    return api.create_response(request, body, status=status)


@api.exception_handler(EO13Error)
def _eo13_error(request: HttpRequest, exc: EO13Error) -> HttpResponse:
    return _error(request, exc.status, exc.message, exc.field)


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    first = exc.errors[0] if exc.errors else {}
    field = ""
    for part in first.get("loc", []):
        if part in ("body", "payload", "query", "path"):
            continue
        field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else str(part))
    message = first.get("msg", "Invalid input.")
    return api.create_response(request, {"error": message, "field": field or None, "detail": exc.errors}, status=422)


@api.exception_handler(AuthenticationError)
def _auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, 401, "Sign in or send a valid API token.")


@api.exception_handler(RequestDataTooBig)
def _too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return _error(request, 413, "The request is too large.", "")


@api.exception_handler(DataError)
@api.exception_handler(OverflowError)
def _out_of_range(request: HttpRequest, exc: Exception) -> HttpResponse:
    # A number or text the database cannot hold got past the schemas (they bound what they know); say so, not 500.
    return _error(request, 422, "A value is out of range or cannot be stored.", "")


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # Ninja wraps whatever the body parser raises in a bare 400 "Cannot parse request body"; answer with what the
    # parser (eo13.api_limits.LimitedParser) actually found, and which field.
    cause = exc.__cause__
    if isinstance(cause, EO13Error):
        return _eo13_error(request, cause)
    if isinstance(cause, RequestDataTooBig):
        return _too_big(request, cause)
    return _error(request, exc.status_code, str(exc))


def _register_routers() -> None:
    from eo13.access.api import router as access_router
    from eo13.accounts.api import router as accounts_router
    from eo13.accounts.api_sign_in import router as sign_in_router
    from eo13.agencies.api import router as agencies_router
    from eo13.committee.api import router as committee_router
    from eo13.obligations.api import router as obligations_router
    from eo13.policies.api import router as policies_router
    from eo13.privacy.api import router as privacy_router
    from eo13.training.api import router as training_router

    api.add_router("/", accounts_router)
    api.add_router("/", sign_in_router)
    api.add_router("/agencies", agencies_router)
    api.add_router("/", access_router)
    api.add_router("/", obligations_router)
    api.add_router("/", privacy_router)
    api.add_router("/", policies_router)
    api.add_router("/", training_router)
    api.add_router("/", committee_router)


_register_routers()
