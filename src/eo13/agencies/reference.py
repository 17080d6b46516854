"""Loading the agency registry from ``data/agencies.json``. Idempotent: re-running updates names and kinds and
leaves the counsel contacts that City Hall edited alone."""

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "agencies.json"


def agency_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(DATA.read_text())
    return rows


def load_agencies(agency_model: Any) -> int:
    """Takes the model as an argument so a migration can pass its historical model."""
    created = 0
    by_code: dict[str, Any] = {}
    # An older migration passes a historical model without the §7(3) board fields (added for issue 10).
    has_board = "mayor_appoints_board_majority" in {f.name for f in agency_model._meta.get_fields()}
    for row in agency_rows():
        defaults = {"name": row["name"], "kind": row["kind"], "is_section_2": row.get("is_section_2", False)}
        if has_board:
            defaults["mayor_appoints_board_majority"] = row.get("mayor_appoints_board_majority")
            defaults["board_majority_source"] = row.get("board_majority_source", "")
        obj, was_created = agency_model.objects.update_or_create(code=row["code"], defaults=defaults)
        if was_created:
            # Fictional placeholder contact (555-01xx numbers are reserved for fiction) until City Hall enters one.
            obj.counsel_name = f"{row['code']} General Counsel's office (placeholder)"
            obj.counsel_email = f"counsel-{row['code'].lower()}@example.nyc.test"
            obj.counsel_phone = f"212-555-01{created % 100:02d}"
            obj.save()
            created += 1
        by_code[row["code"]] = obj
    for row in agency_rows():
        if row.get("parent"):
            obj = by_code[row["code"]]
            obj.parent = by_code[row["parent"]]
            obj.save(update_fields=["parent"])
    return created


def load_reference() -> None:
    """Reload after a test flush (see eo13.web.reference)."""
    from eo13.agencies.models import Agency

    load_agencies(Agency)
