"""Demo data for the access app: the fictional COLP sample and two fictional agreements (demo mode only)."""

from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from eo13.access.importers import import_properties
from eo13.access.models import Agreement, AgreementProperty, CityProperty
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record

SAMPLE = Path(__file__).parent / "data" / "colp_sample.csv"


def run(stdout: Any) -> None:
    if not settings.EO13_DEMO:
        return
    if not CityProperty.objects.exists():
        result = import_properties(SAMPLE.read_bytes(), actor="bootstrap")
        stdout.write(f"Property registry: {result.created} fictional sample parcels.")
    if Agreement.objects.filter(reference__startswith="DEMO-").exists():
        return
    lot = CityProperty.objects.filter(is_city_lot=True).order_by("uid").first()
    with transaction.atomic():
        a = Agreement.objects.create(
            reference="DEMO-AGR-001",
            kind="formal_agreement",
            title="Demo parking agreement (fictional)",
            parties="DCAS and a fictional federal agency",
            agency=Agency.objects.get(code="DCAS"),
            uses=["staging_area"],
            valid_from=date(2026, 1, 1),
            valid_to=date(2026, 12, 31),
        )
        if lot:
            AgreementProperty.objects.create(agreement=a, bbl=lot.bbl)
        audit_record(actor="bootstrap", action=AuditAction.AGREEMENT_CREATE, target=a, agency_code="DCAS")
    stdout.write("Agreements: 1 fictional demo agreement.")
