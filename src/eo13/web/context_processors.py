from typing import Any

from django.http import HttpRequest

from eo13.accounts.policy import memberships


def eo13(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    ms = memberships(user) if user is not None else []
    return {"eo13_memberships": ms, "eo13_primary": ms[0] if ms else None}
