"""Passkeys (WebAuthn) as the second factor for privileged roles (issue 15), on django-otp-webauthn.

The library runs the ceremonies (relying party and origins come from EO13_BASE_URL, see settings); EO13 decides who
may add a passkey
(someone with no second factor yet, or whose session already passed one: otherwise a stolen password could add the
thief's own passkey), and writes the audit entries.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.models import WebAuthnCredential

from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record


def has_passkey(user: Any) -> bool:
    return bool(WebAuthnCredential.objects.filter(user=user, confirmed=True).exists())


def mfa_enrolled(user: Any) -> bool:
    """The person has a working second factor: an authenticator app or a passkey."""
    return has_passkey(user) or bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


class PasskeyHelper(WebAuthnHelper):  # type: ignore[misc]
    def register_begin(self, user: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        verified = getattr(self.request.user, "is_verified", lambda: False)()
        if mfa_enrolled(user) and not verified:
            raise PermissionDenied("Pass your second step first; then you can add a passkey.")
        return super().register_begin(user)  # type: ignore[no-any-return]

    def register_complete(self, user: Any, state: dict[str, Any], data: dict[str, Any]) -> Any:
        with transaction.atomic():
            device = super().register_complete(user, state, data)
            audit_record(actor=user, action=AuditAction.USER_MFA_ENROL, target=user, changes={"method": "passkey"})
        return device

    def authenticate_complete(self, user: Any, state: dict[str, Any], data: dict[str, Any]) -> Any:
        with transaction.atomic():
            device = super().authenticate_complete(user, state, data)
            audit_record(
                actor=device.user, action=AuditAction.USER_MFA_PASS, target=device.user, changes={"method": "passkey"}
            )
        return device
