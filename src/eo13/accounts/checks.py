"""Deployment checks for City sign-in (issue 15), run by `eo13 check --deploy`. They read settings only; they never
call the provider."""

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def city_sign_in_settings(app_configs: Any, **kwargs: Any) -> list[Error]:
    errors: list[Error] = []
    issuer = settings.EO13_OIDC_ISSUER
    if not issuer:
        return errors
    if settings.PRODUCTION and not issuer.startswith("https://"):
        errors.append(Error("EO13_OIDC_ISSUER must be an https:// address in production.", id="eo13.E101"))
    if not settings.OIDC_RP_CLIENT_ID:
        errors.append(Error("EO13_OIDC_ISSUER is set but EO13_OIDC_CLIENT_ID is not.", id="eo13.E102"))
    if not settings.OIDC_RP_CLIENT_SECRET:
        errors.append(Error("EO13_OIDC_CLIENT_SECRET is needed for City sign-in.", id="eo13.E103"))
    if "openid" not in settings.OIDC_RP_SCOPES.split():
        errors.append(Error("EO13_OIDC_SCOPES must include openid.", id="eo13.E104"))
    if not settings.OIDC_RP_SIGN_ALGO.startswith(("RS", "ES", "PS")):
        errors.append(
            Error("EO13_OIDC_SIGN_ALGO must be a public-key algorithm (RS256, ES256, PS256).", id="eo13.E105")
        )
    return errors
