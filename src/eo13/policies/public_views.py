"""The public site (INTERFACES §6): agency policies, rights, the order explained, and figures.

No sign-in. Each page is cached and works without JavaScript. A policy shows in the visitor's language when an
approved translation of the current version exists; otherwise the English text, marked as English, with a
notice in the visitor's language (EO 13 §2(1); Admin Code §23-1102).
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from eo13 import clock
from eo13.policies import selectors
from eo13.policies.figures_registry import collect_figures
from eo13.policies.plain import render_markdown
from eo13.policies.public_cache import cached_public_page


@cached_public_page
def policy_index(request: HttpRequest) -> HttpResponse:
    agencies = [(agency, selectors.public_policies(agency=agency)) for agency in selectors.public_agencies()]
    return render(request, "policies/public/index.html", {"agencies": agencies})


@cached_public_page
def agency_policies(request: HttpRequest, code: str) -> HttpResponse:
    agency = selectors.public_agency(code)  # NotFound: 404 (eo13.web.errors)
    policies = selectors.public_policies(agency=agency)
    lang = get_language()
    translations = {}
    if lang != "en":
        translations = selectors.public_translations(
            versions=[p.current_version for p in policies if p.current_version], language_code=lang
        )
    shown = []
    for policy in policies:
        version = policy.current_version
        translation = translations.get(version.pk) if version else None
        source = translation or version
        shown.append(
            {
                "policy": policy,
                "version": version,
                "translation": translation,
                "title": source.title if source else "",
                "body": render_markdown(source.body) if source else "",
                "in_english": translation is None and lang != "en",
            }
        )
    return render(request, "policies/public/agency.html", {"agency": agency, "policies": shown})


@cached_public_page
def rights(request: HttpRequest) -> HttpResponse:
    materials = [(m, render_markdown(m.body)) for m in selectors.public_materials()]
    return render(request, "policies/public/rights.html", {"materials": materials})


@cached_public_page
def order(request: HttpRequest) -> HttpResponse:
    return render(request, "policies/public/order.html")


@cached_public_page
def figures(request: HttpRequest) -> HttpResponse:
    return render(request, "policies/public/figures.html", {"figures": collect_figures(), "as_of": clock.today()})
