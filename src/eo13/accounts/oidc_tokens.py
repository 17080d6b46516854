"""Checking what the City's OpenID provider sends back (issue 15), apart from the web flow so tests can give the
time explicitly.

mozilla-django-oidc checks the signature and the nonce; it does not check the issuer, the audience or the expiry.
Each of those is checked here, and each refusal has its own plain reason.
"""

from __future__ import annotations

import time
from typing import Any

import jwt
import requests
from django.conf import settings

LEEWAY_SECONDS = 60  # clocks of two servers differ a little
_metadata_cache: dict[str, dict[str, Any]] = {}


class SignInRefused(Exception):
    """A sign-in that must not go on. ``reason`` picks the plain message the person sees."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def oidc_configured() -> bool:
    return bool(settings.EO13_OIDC_ISSUER and settings.OIDC_RP_CLIENT_ID)


def provider_metadata(issuer: str | None = None) -> dict[str, Any]:
    """The issuer's discovery document, read once per issuer and process."""
    issuer = (issuer or settings.EO13_OIDC_ISSUER).rstrip("/")
    if issuer not in _metadata_cache:
        try:
            response = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT)
            response.raise_for_status()
            doc = response.json()
        except (requests.RequestException, ValueError) as exc:
            raise SignInRefused("provider", "discovery failed") from exc
        if str(doc.get("issuer", "")).rstrip("/") != issuer:
            raise SignInRefused("issuer", "discovery document names another issuer")
        _metadata_cache[issuer] = doc
    return _metadata_cache[issuer]


def provider_keys(issuer: str | None = None) -> dict[str, Any]:
    """The provider's current signing keys. Read each time, so a key the City rotates in works at once."""
    try:
        response = requests.get(provider_metadata(issuer)["jwks_uri"], timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        return dict(response.json())
    except (requests.RequestException, ValueError, KeyError) as exc:
        raise SignInRefused("provider", "keys unavailable") from exc


def id_token_claims(
    raw: str,
    *,
    jwks: dict[str, Any],
    issuer: str,
    client_id: str,
    nonce: str | None,
    now: float | None = None,
    algorithms: tuple[str, ...] = ("RS256", "ES256", "PS256"),
) -> dict[str, Any]:
    """The claims of an ID token once every check passes (OpenID Connect Core §3.1.3.7), else SignInRefused."""
    now = time.time() if now is None else now
    try:
        header = jwt.get_unverified_header(raw)
        unverified = jwt.decode(raw, options={"verify_signature": False})
    except jwt.InvalidTokenError as exc:
        raise SignInRefused("signature", "not a token") from exc
    if str(unverified.get("iss", "")).rstrip("/") != issuer.rstrip("/"):
        raise SignInRefused("issuer")
    if header.get("alg") not in algorithms:
        raise SignInRefused("signature", "algorithm not allowed")
    keys = [k for k in jwks.get("keys", []) if k.get("kid") == header.get("kid") and k.get("use", "sig") == "sig"]
    if not keys:
        raise SignInRefused("signature", "no matching key")
    try:
        claims: dict[str, Any] = jwt.decode(
            raw,
            jwt.PyJWK(keys[0]).key,
            algorithms=[header["alg"]],
            options={
                "verify_aud": False,
                "verify_exp": False,
                "verify_iat": False,
                "verify_nbf": False,
                "verify_iss": False,
                "require": ["iss", "sub", "aud", "exp", "iat"],
            },
        )
    except jwt.InvalidTokenError as exc:
        raise SignInRefused("signature", type(exc).__name__) from exc
    audience = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if client_id not in audience or (len(audience) > 1 and claims.get("azp") != client_id):
        raise SignInRefused("audience")
    if now > float(claims["exp"]) + LEEWAY_SECONDS or float(claims["iat"]) > now + LEEWAY_SECONDS:
        raise SignInRefused("expired")
    if nonce is None or claims.get("nonce") != nonce:
        raise SignInRefused("nonce")
    return claims


def mfa_done_by_provider(claims: dict[str, Any]) -> bool:
    """The token's ``amr`` (RFC 8176) shows the provider asked for a second factor."""
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    return bool(set(amr) & set(settings.EO13_OIDC_MFA_AMR))
