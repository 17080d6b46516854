from collections.abc import Callable
from functools import cache
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from eo13.accounts.policy import memberships
from eo13.discovery import app_modules

Rule = Callable[[Any], bool]


def _everyone(user: Any) -> bool:
    return True


@cache
def _nav_items() -> list[tuple[str, str, frozenset[str], Rule]]:
    """Each app may list staff links in ``<app>/nav.py`` as ``ITEMS = [(label, url_name, roles), ...]``; a fourth
    element, a function of the user, narrows a link further (the Law Department's review queue: a lead, at LAW)."""
    items: list[tuple[str, str, frozenset[str], Rule]] = []
    for module in app_modules("nav"):
        for label, url, roles, *rule in module.ITEMS:
            items.append((label, url, frozenset(roles), rule[0] if rule else _everyone))
    return items


def eo13(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    ms = memberships(user) if user is not None else []
    user_roles = {m.role for m in ms}
    nav = []
    for label, url_name, roles, rule in _nav_items():
        if user_roles & roles and rule(user):
            try:
                nav.append((label, reverse(url_name)))
            except NoReverseMatch:
                continue
    return {"eo13_memberships": ms, "eo13_primary": ms[0] if ms else None, "eo13_nav": nav}
