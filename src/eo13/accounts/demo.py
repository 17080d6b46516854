"""Demo accounts, one per role (INTERFACES §1). Demo mode only; never in production.

The password is EO13_DEMO_PASSWORD when set, otherwise generated and printed once, when the accounts are made.
"""

import os
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction

from eo13.accounts.models import Membership, Role, User
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record

# Agency-scoped demo accounts belong to ACS; citywide ones sit in the office that holds the role.
DEMO_HOMES = {
    Role.FRONTLINE: "ACS",
    Role.AGENCY_LEAD: "ACS",
    Role.PRIVACY_OFFICER: "ACS",
    Role.CHIEF_PRIVACY_OFFICER: "MOIP",
    Role.CITY_HALL: "CITYHALL",
    Role.COMMITTEE: "CITYHALL",
    Role.AUDITOR: "DOI",
}


def demo_username(role: str) -> str:
    return "demo-" + role.replace("_", "-")


def create_demo_accounts(stdout: Any) -> list[str]:
    if getattr(settings, "PRODUCTION", False) or not settings.EO13_DEMO:
        raise RuntimeError("Demo accounts are only made in demo mode, never in production.")
    password = os.environ.get("EO13_DEMO_PASSWORD") or secrets.token_urlsafe(12)
    made: list[str] = []
    existing = set(
        User.objects.filter(username__in=[demo_username(r) for r in DEMO_HOMES]).values_list("username", flat=True)
    )
    if len(existing) == len(DEMO_HOMES):
        return made
    # Argon2 is slow on purpose; the demo accounts share one password, so it is hashed once (issue 14: `make run`).
    encoded = make_password(password)
    with transaction.atomic():
        for role, code in DEMO_HOMES.items():
            username = demo_username(role)
            if username in existing:
                continue
            user = User.objects.create(
                username=username,
                password=encoded,
                first_name="Demo",
                last_name=role.label,
                email=f"{username}@example.nyc.test",
            )
            Membership.objects.create(
                user=user, agency=Agency.objects.get(code=code), role=role, is_chair=role == Role.COMMITTEE
            )
            audit_record(actor="bootstrap", action=AuditAction.USER_CREATE_DEMO, target=user, agency_code=code)
            made.append(username)
    if made:
        stdout.write("Demo accounts (shown once):")
        for name in made:
            stdout.write(f"  {name:32s} password: {password}")
    return made
