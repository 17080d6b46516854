from functools import cache
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from eo13.accounts.policy import memberships
from eo13.discovery import app_modules


@cache
def _nav_items() -> list[tuple[str, str, frozenset[str]]]:
    """Each app may list staff links in ``<app>/nav.py`` as ``ITEMS = [(label, url_name, roles), ...]``."""
    items: list[tuple[str, str, frozenset[str]]] = []
    for module in app_modules("nav"):
        items.extend((label, url, frozenset(roles)) for label, url, roles in module.ITEMS)
    return items


def eo13(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    ms = memberships(user) if user is not None else []
    user_roles = {m.role for m in ms}
    nav = []
    for label, url_name, roles in _nav_items():
        if user_roles & roles:
            try:
                nav.append((label, reverse(url_name)))
            except NoReverseMatch:
                continue
    return {"eo13_memberships": ms, "eo13_primary": ms[0] if ms else None, "eo13_nav": nav}
