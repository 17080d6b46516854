"""The engine's view of the database: registered properties and agreements (eo13.law.decide.Registry)."""

from __future__ import annotations

import re

from eo13.access.models import Agreement, CityProperty
from eo13.law.agreements import AgreementFacts
from eo13.law.decide import ResolvedProperty

BBL = re.compile(r"^\d{10}$")


def resolve_property(ref: str) -> CityProperty | None:
    """A registry uid or a ten-digit BBL. Where one BBL has several records, a City lot wins, then City property:
    the parcel is a City lot if any of its uses makes it one (INTERFACES §2)."""
    ref = ref.strip()
    if BBL.match(ref):
        return CityProperty.objects.filter(bbl=ref).order_by("-is_city_lot", "-is_city_property", "uid").first()
    return CityProperty.objects.filter(uid=ref).first()


def agreement_facts(a: Agreement) -> AgreementFacts:
    return AgreementFacts(
        id=a.reference,
        kind=a.kind,
        title=a.title,
        valid_from=a.valid_from,
        valid_to=a.valid_to,
        property_refs=None if a.all_properties else frozenset(a.covered.values_list("bbl", flat=True)),
        uses=frozenset(a.uses) if a.uses else None,
    )


class DatabaseRegistry:
    def property(self, ref: str) -> ResolvedProperty | None:
        p = resolve_property(ref)
        if p is None:
            return None
        facts = {
            "kind": p.kind,
            "city_owned_or_leased": p.city_owned_or_leased,
            "city_operational_control": p.city_operational_control,
            "city_governmental_purpose": p.city_governmental_purpose,
        }
        doubt = (p.doubt or "Check with your agency counsel or DCAS.") if p.uncertain else ""
        return ResolvedProperty(ref=p.bbl, facts=facts, basis=f"{p.label}: {p.basis}", doubt=doubt)

    def agreement(self, ref: str) -> AgreementFacts | None:
        a = Agreement.objects.filter(reference=ref.strip()).first()
        return agreement_facts(a) if a else None
