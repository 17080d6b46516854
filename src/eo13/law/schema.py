"""JSON Schema of the decision facts, for the OpenAPI document (generated from the same specs the parser uses)."""

from __future__ import annotations

from typing import Any

from eo13.law.facts import ATTESTED_FACTS, SPECS, Spec


def _schema(spec: Spec) -> dict[str, Any]:
    if spec.type == "bool":
        return {"type": "boolean"}
    if spec.type == "enum":
        return {"type": "string", "enum": list(spec.values)}
    if spec.type == "enum_list":
        return {"type": "array", "items": {"type": "string", "enum": list(spec.values)}, "uniqueItems": True}
    if spec.type == "date":
        return {"type": "string", "format": "date"}
    if spec.type == "str":
        return {"type": "string", "minLength": 1, "maxLength": 100}
    if spec.type == "object":
        return object_schema(spec.children)
    if spec.type == "object_list":
        return {"type": "array", "items": object_schema(spec.children), "maxItems": 50}
    if spec.type == "attestations":
        entry = {
            "type": "object",
            "properties": {"by": {"type": "string"}, "basis": {"type": "string"}},
            "additionalProperties": False,
        }
        return {"type": "object", "properties": dict.fromkeys(ATTESTED_FACTS, entry), "additionalProperties": False}
    raise AssertionError(spec.type)


def object_schema(spec: dict[str, Spec]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": {},
        "additionalProperties": False,
    }
    required = [name for name, s in spec.items() if s.required]
    for name, s in spec.items():
        out["properties"][name] = _schema(s) | ({"description": s.help} if s.help else {})
    if required:
        out["required"] = required
    return out


def facts_schema(kind: str) -> dict[str, Any]:
    one = object_schema(SPECS[kind])
    return {"oneOf": [one, {"type": "array", "items": one}]}
