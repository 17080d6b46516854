"""Every audit action is a named AuditAction (issue 11 point 3): the calls in the tree name members, and a string
no one named is refused before anything is written."""

import ast
from pathlib import Path

import pytest
from django.db import transaction

from eo13.audit.actions import AuditAction, action_label
from eo13.audit.models import AuditEntry
from eo13.audit.services import audit_record

SRC = Path(__file__).resolve().parents[2] / "src" / "eo13"


def _audit_calls() -> list[tuple[str, int, ast.expr]]:
    calls = []
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name != "audit_record":
                continue
            action = next((k.value for k in node.keywords if k.arg == "action"), None)
            assert action is not None, f"{path}:{node.lineno} audit_record without action="
            calls.append((f"{path.relative_to(SRC)}:{node.lineno}", node.lineno, action))
    return calls


def _names_member(expr: ast.expr) -> bool:
    """``AuditAction.X`` (X a member), either branch of ``a if c else b``, or ``AuditAction(...)`` (checked at the
    call), or a name the function set from those (the policies translation and admin-signal cases)."""
    if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id == "AuditAction":
        return expr.attr in AuditAction.__members__
    if isinstance(expr, ast.IfExp):
        return _names_member(expr.body) and _names_member(expr.orelse)
    if isinstance(expr, ast.Call) and getattr(expr.func, "id", None) == "AuditAction":
        return True
    return isinstance(expr, (ast.Name, ast.Call))


def test_every_audit_record_call_names_an_audit_action():
    calls = _audit_calls()
    assert len(calls) > 80
    bad = [where for where, _, expr in calls if not _names_member(expr)]
    assert bad == [], f"audit_record with an action that is not an AuditAction member: {bad}"


def test_no_call_passes_a_bare_string():
    bad = [where for where, _, expr in _audit_calls() if isinstance(expr, (ast.Constant, ast.JoinedStr))]
    assert bad == []


def test_values_are_unique_and_labelled():
    values = [a.value for a in AuditAction]
    assert len(values) == len(set(values))
    assert all(a.label and a.label != a.value for a in AuditAction)


@pytest.mark.django_db(transaction=True)
def test_an_unknown_action_is_refused_before_writing():
    with pytest.raises(ValueError), transaction.atomic():
        audit_record(actor="test", action="thing.nobody_named")  # type: ignore[arg-type]
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_stored_value_is_the_plain_value_and_people_see_the_label():
    with transaction.atomic():
        entry = audit_record(actor="test", action=AuditAction.ENCOUNTER_CREATE)
    entry.refresh_from_db()
    assert entry.action == "encounter.create"
    assert action_label(entry.action) == "Encounter recorded"
    assert action_label("legacy.unnamed") == "legacy.unnamed"
