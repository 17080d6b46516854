"""Template helpers for the public shell: the language switcher and the public menu (INTERFACES §6)."""

from typing import Any

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi, gettext_lazy

register = template.Library()

PUBLIC_MENU = (
    ("public-home", gettext_lazy("Home")),
    ("policies-public:index", gettext_lazy("Agency policies")),
    ("policies-public:rights", gettext_lazy("Know your rights")),
    ("policies-public:order", gettext_lazy("The order")),
    ("policies-public:figures", gettext_lazy("Figures")),
    ("policies-public:guide", gettext_lazy("Officers at your door")),
)
RTL = frozenset(settings.LANGUAGES_BIDI)


@register.simple_tag(takes_context=True)
def language_links(context: dict[str, Any]) -> list[dict[str, Any]]:
    """The current page in every site language; empty where the page has no language in its URL (staff pages)."""
    request = context.get("request")
    if request is None:
        return []
    path = request.get_full_path()
    current = get_language()
    if not path.startswith(f"/{current}/"):
        # Not under a language prefix (staff pages): every language would give the same address back. Saying so here
        # spares eleven URL resolutions on every staff page (issue 14).
        return []
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        links.append(
            {"code": code, "name": name, "url": url, "current": code == current, "dir": "rtl" if code in RTL else "ltr"}
        )
    if all(link["url"] == path for link in links):
        return []
    return links


@register.simple_tag(takes_context=True)
def public_menu(context: dict[str, Any]) -> list[dict[str, Any]]:
    from django.urls import reverse

    request = context.get("request")
    here = request.path if request is not None else ""
    items = []
    for name, label in PUBLIC_MENU:
        url = reverse(name)
        current = here == url if name == "public-home" else here.startswith(url)
        items.append({"url": url, "label": label, "current": current})
    return items


@register.simple_tag
def text_dir() -> str:
    return "rtl" if get_language_bidi() else "ltr"
