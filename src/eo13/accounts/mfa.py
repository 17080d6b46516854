"""Second factor for privileged roles (issue 15): an authenticator app (TOTP, django-otp) and one-time recovery
codes. Enrolment happens at the first sign-in that needs it; a provider token whose ``amr`` shows MFA skips it.
"""

from __future__ import annotations

import base64
import secrets
from typing import Any

import segno
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from eo13.accounts.models import User
from eo13.accounts.passkeys import has_passkey, mfa_enrolled
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.web.decorators import staff_page

RECOVERY_CODES = 10


def _recovery_codes(user: User) -> list[str]:
    """New recovery codes; the old ones stop working. Shown once, stored as django-otp keeps them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def mfa_totp_start(*, actor: User) -> TOTPDevice:
    """The authenticator-app key being set up; the same one until confirmed, so a reload shows the same code."""
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).first()
    if device is None:
        with transaction.atomic():
            device = TOTPDevice.objects.create(user=actor, name="Authenticator app", confirmed=False)
            audit_record(actor=actor, action=AuditAction.USER_MFA_ENROL_START, target=actor)
    return device


def mfa_totp_confirm(*, actor: User, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirms the app when ``code`` is right; returns the new recovery codes, or None when the code is wrong."""
    if not device.verify_token(code):
        return None
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=actor, confirmed=False).delete()
        codes = _recovery_codes(actor)
        audit_record(
            actor=actor, action=AuditAction.USER_MFA_ENROL, target=actor, changes={"recovery_codes": RECOVERY_CODES}
        )
    return codes


def mfa_verify(*, actor: User, code: str) -> Any:
    """The device that accepts ``code`` (app or recovery code), or None. A used recovery code is gone."""
    device = match_token(actor, code.strip().replace(" ", ""))
    if device is not None:
        with transaction.atomic():
            audit_record(
                actor=actor, action=AuditAction.USER_MFA_PASS, target=actor, changes={"method": type(device).__name__}
            )
    return device


def mfa_recovery_codes_renew(*, actor: User) -> list[str]:
    with transaction.atomic():
        codes = _recovery_codes(actor)
        audit_record(actor=actor, action=AuditAction.USER_MFA_RECOVERY_CODES_RENEW, target=actor)
    return codes


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/staff/"
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return target if ok and target.startswith("/") else "/staff/"


@staff_page
def second_factor(request: HttpRequest) -> HttpResponse:
    """Enrol (first time: a passkey, or an authenticator app) or pass the second factor."""
    user: User = request.user  # type: ignore[assignment]
    error = ""
    if mfa_enrolled(user):
        if request.method == "POST":
            device = mfa_verify(actor=user, code=request.POST.get("code", ""))
            if device is not None:
                otp_login(request, device)
                return HttpResponseRedirect(_next(request))
            error = "That code did not work. Use the newest code from your app, or one of your recovery codes."
        context = {"error": error, "next": _next(request), "passkey": has_passkey(user)}
        return render(request, "registration/second_factor.html", context)
    device = mfa_totp_start(actor=user)
    if request.method == "POST":
        codes = mfa_totp_confirm(actor=user, device=device, code=request.POST.get("code", "").strip())
        if codes is not None:
            otp_login(request, device)
            return render(request, "registration/recovery_codes.html", {"codes": codes, "next": _next(request)})
        error = "That code did not work. Check the time on your phone and type the newest code."
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    context = {
        "error": error,
        "next": _next(request),
        "secret": secret,
        "qr": segno.make(device.config_url, error="m").svg_data_uri(scale=4),
    }
    return render(request, "registration/second_factor_enrol.html", context)


@staff_page
def passkey_added(request: HttpRequest) -> HttpResponse:
    """After a first passkey: the recovery codes, shown once (a passkey lives on one device, which can be lost)."""
    user: User = request.user  # type: ignore[assignment]
    verified = getattr(user, "is_verified", lambda: False)()
    if not (verified and has_passkey(user)):
        return HttpResponseRedirect("/accounts/second-factor/")
    if StaticDevice.objects.filter(user=user).exists():
        return HttpResponseRedirect(_next(request))
    return render(
        request,
        "registration/recovery_codes.html",
        {"codes": mfa_recovery_codes_renew(actor=user), "next": _next(request)},
    )


@staff_page
def recovery_codes_renew(request: HttpRequest) -> HttpResponse:
    if request.method != "POST" or not getattr(request.user, "is_verified", lambda: False)():
        return HttpResponseRedirect("/accounts/second-factor/")
    codes = mfa_recovery_codes_renew(actor=request.user)  # type: ignore[arg-type]
    return render(request, "registration/recovery_codes.html", {"codes": codes, "next": "/staff/"})
