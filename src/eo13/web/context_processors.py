from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.translation import get_language

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


@lru_cache(maxsize=1024)
def _link(url_name: str, prefix: str, language: str | None) -> str:
    """A staff link's address. It depends only on its name, the site's prefix and the language, so it is worked out
    once per process, not on every page (issue 14: a dozen reverse() calls a page, on every staff page)."""
    return reverse(url_name)


def eo13(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    ms = memberships(user) if user is not None else []
    user_roles = {m.role for m in ms}
    nav = []
    for label, url_name, roles, rule in _nav_items():
        if user_roles & roles and rule(user):
            try:
                nav.append((label, _link(url_name, get_script_prefix(), get_language())))
            except NoReverseMatch:
                continue
    return {"eo13_memberships": ms, "eo13_primary": ms[0] if ms else None, "eo13_nav": nav}
