"""Sign-in throttling (issue 9, Medium 2; DESIGN "Security").

Three counters of failed sign-ins, kept in the database so every process sees them, each under a keyed hash (no
username or address is stored in clear):

- **address + account**: after ``EO13_SIGNIN_FREE_TRIES`` failures, that pair waits, and each further failure
  doubles the wait (up to ``EO13_SIGNIN_MAX_WAIT`` seconds);
- **account, from any address**: after more failures (``EO13_SIGNIN_ACCOUNT_FREE_TRIES``), browsers the account
  has not signed in from wait the same growing time;
- **device**: a browser that signed in to the account before holds a signed device cookie; it is not slowed by
  other people's failures on the account or its address, only by its own (OWASP "device cookies").

So someone guessing passwords is slowed more and more, but cannot lock a person out of the browser they use. Counts
fade a day after the last failure; a successful sign-in clears the pair and the device. django-axes still records
each attempt (with the address from :func:`eo13.accounts.client_ip.client_ip`) for the auditor.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from eo13.accounts.client_ip import client_ip
from eo13.accounts.models import SignInThrottle, User
from eo13.scrub import scrub_text

DEVICE_COOKIE = "eo13_device"
DEVICE_SALT = "eo13.accounts.device-cookie"
DEVICE_MAX_AGE = 180 * 24 * 3600
FORGET_AFTER = timedelta(days=1)


def scrubbed_username(request: Any, credentials: dict[str, Any] | None) -> str:
    """django-axes' username: a username field can hold anything a person typed, so it is scrubbed first (an SSN
    typed by mistake must not land in axes' tables)."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username", "") if hasattr(request, "POST") else ""
    return scrub_text(str(username or "")[:300])[:150]


def _key(kind: str, *parts: str) -> str:
    secret = hmac.new(b"eo13.signin-throttle", settings.SECRET_KEY.encode(), hashlib.sha256).digest()
    return hmac.new(secret, "\x1f".join((kind, *parts)).encode(), hashlib.sha256).hexdigest()


def _account(username: str) -> str:
    return str(username or "")[:150].strip().lower()


def _wait_for(failures: int, free: int) -> int:
    """Seconds to wait after ``failures`` failures: none up to ``free - 1``, then a minute, doubling each time."""
    if failures < free:
        return 0
    base = int(getattr(settings, "EO13_SIGNIN_FIRST_WAIT", 60))
    grown: int = base * (1 << min(failures - free, 20))
    return min(int(getattr(settings, "EO13_SIGNIN_MAX_WAIT", 3600)), grown)


def _device_user_id(request: HttpRequest) -> int | None:
    raw = request.COOKIES.get(DEVICE_COOKIE)
    if not raw:
        return None
    try:
        data = signing.loads(raw, salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE)
        return int(data["u"]) if isinstance(data, dict) else None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def _keys(request: HttpRequest, username: str) -> list[tuple[str, int]]:
    """The counters this attempt is judged by, each with its free tries."""
    account = _account(username)
    free = int(getattr(settings, "EO13_SIGNIN_FREE_TRIES", 5))
    device_uid = _device_user_id(request)
    if device_uid is not None and User.objects.filter(pk=device_uid, username__iexact=account).exists():
        return [(_key("device", request.COOKIES[DEVICE_COOKIE]), free)]
    return [
        (_key("pair", account, client_ip(request)), free),
        (_key("account", account), int(getattr(settings, "EO13_SIGNIN_ACCOUNT_FREE_TRIES", 10))),
    ]


def signin_wait(request: HttpRequest, username: str) -> int:
    """Seconds this browser must wait before trying this account again; 0 when it may try now."""
    now = timezone.now()
    keys = [k for k, _ in _keys(request, username)]
    waits = [
        int((row.locked_until - now).total_seconds()) + 1
        for row in SignInThrottle.objects.filter(key__in=keys, locked_until__gt=now)
        if row.locked_until is not None
    ]
    return max(waits, default=0)


def signin_failed(request: HttpRequest, username: str) -> int:
    """Count one failure; return how many seconds this browser must now wait (0 when none)."""
    now = timezone.now()
    longest = 0
    with transaction.atomic():
        for key, free in _keys(request, username):
            row, _ = SignInThrottle.objects.select_for_update().get_or_create(
                key=key, defaults={"last_failure_at": now}
            )
            if row.last_failure_at < now - FORGET_AFTER:
                row.failures = 0
            row.failures += 1
            row.last_failure_at = now
            wait = _wait_for(row.failures, free)
            row.locked_until = now + timedelta(seconds=wait) if wait else None
            row.save()
            longest = max(longest, wait)
    return longest


def signin_succeeded(request: HttpRequest, user: Any, response: HttpResponse | None = None) -> None:
    """Clear this browser's counters for the account and, for a browser, hand it a device cookie."""
    account = _account(user.get_username())
    keys = [_key("pair", account, client_ip(request))]
    if request.COOKIES.get(DEVICE_COOKIE):
        keys.append(_key("device", request.COOKIES[DEVICE_COOKIE]))
    SignInThrottle.objects.filter(key__in=keys).delete()
    if response is not None:
        value = signing.dumps({"u": user.pk, "n": secrets.token_urlsafe(9)}, salt=DEVICE_SALT)
        response.set_cookie(
            DEVICE_COOKIE,
            value,
            max_age=DEVICE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )


def wait_text(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    return f"{minutes} minute" + ("" if minutes == 1 else "s")
