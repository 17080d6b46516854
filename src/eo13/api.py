"""The one API object. Each app adds its router here (INTERFACES §5)."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import APIKeyHeader, HttpBearer, django_auth
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from eo13.accounts.tokens import token_user
from eo13.errors import EO13Error


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = token_user(token)
        if user is not None:
            request.user = user
        return user


class _NoKey(APIKeyHeader):
    """Placeholder so the OpenAPI document names both ways in; never authenticates."""

    param_name = "X-EO13-Unused"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return None


api = NinjaAPI(
    title="EO13 API",
    version="1",
    description="New York City's system for carrying out Executive Order 13 of 2026. "
    "Authenticate with a session (and CSRF token) or `Authorization: Bearer <token>`.",
    urls_namespace="api",
    auth=[BearerToken(), django_auth],
    # From the environment (issue 14); kept in the cache, so shared by all workers when CACHE_URL is Redis.
    throttle=[AnonRateThrottle(settings.EO13_ANON_RATE), AuthRateThrottle(settings.EO13_API_RATE)],
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


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, exc.status_code, str(exc))


def _register_routers() -> None:
    from eo13.access.api import router as access_router
    from eo13.accounts.api import router as accounts_router
    from eo13.agencies.api import router as agencies_router
    from eo13.committee.api import router as committee_router
    from eo13.obligations.api import router as obligations_router
    from eo13.policies.api import router as policies_router
    from eo13.privacy.api import router as privacy_router
    from eo13.training.api import router as training_router

    api.add_router("/", accounts_router)
    api.add_router("/agencies", agencies_router)
    api.add_router("/", access_router)
    api.add_router("/", obligations_router)
    api.add_router("/", privacy_router)
    api.add_router("/", policies_router)
    api.add_router("/", training_router)
    api.add_router("/", committee_router)


_register_routers()
