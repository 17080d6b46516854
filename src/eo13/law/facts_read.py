"""Reading raw JSON facts into the models of :mod:`eo13.law.facts`, and the error object for bad ones (INTERFACES §2).

Validation is Pydantic's, in JSON mode (a date arrives as a string, never a number; true is never "yes"). Its first
error becomes the ``{"error", "field"}`` object the API, the command line and the guide have always given: the same
words, the field named by its path (``personnel.employer``, ``exceptions[0]``, ``convictions[1].date_of_judgment``).
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from eo13.law.facts import ATTESTED_FACTS, KINDS, MODELS, Facts, FactsError, type_name
from eo13.law.facts_fast import ReadFacts

__all__ = ["ReadFacts", "facts_schema", "read_facts"]


def read_facts(kind: str, raw: Any, *, partial: bool = False) -> ReadFacts:
    if kind not in KINDS:
        raise FactsError(f"unknown kind; use one of: {', '.join(KINDS)}", "kind")
    model = MODELS[kind]
    try:
        given = model.model_validate_json(json.dumps(raw))
    except ValidationError as exc:
        raise _facts_error(model, exc, raw, partial) from None
    unknown: list[str] = []
    _check_given(given, "", partial, unknown)
    facts = given.model_dump()
    if "exceptions" in facts and facts["exceptions"] is None:
        facts["exceptions"] = ()
    for first, second, both in type(given).one_of:
        _one_of(given, (first, second), partial, both, unknown)
    return ReadFacts(facts, unknown)


def _check_given(given: Facts, path: str, partial: bool, unknown: list[str]) -> None:
    """A fact the request must give and did not: an error, or in a partial request a fact not known yet."""
    for name in type(given).model_fields:
        need = type(given).need(name)
        where = f"{path}.{name}" if path else name
        value = getattr(given, name)
        # A null asked fact is as good as none given (but a null paper says none was served).
        if name not in given.model_fields_set or (need.asked and not need.whole and value is None):
            if need.required and not partial:
                raise FactsError("is missing", where)
            if need.required or (need.asked and partial and not path):
                unknown.append(where)
        elif isinstance(value, Facts):
            _check_given(value, where, partial and not need.whole, unknown)
        elif isinstance(value, list):
            # Each entry of a list is described whole, even in a partial request.
            for i, item in enumerate(value):
                if isinstance(item, Facts):
                    _check_given(item, f"{where}[{i}]", False, unknown)


def _one_of(given: Facts, names: tuple[str, str], partial: bool, allow_both: bool, unknown: list[str]) -> None:
    """One of two alternative fields (``property`` or ``property_id``; ``judicial_warrant`` or ``warrant``).

    Where both may be given (a claim and the document behind it), the engine compares them."""
    present = [n for n in names if getattr(given, n) is not None]
    if len(present) == 2 and not allow_both:
        raise FactsError(f'give "{names[0]}" or "{names[1]}", not both', names[1])
    if not present:
        if not partial:
            raise FactsError(f'is missing (or give "{names[1]}")', names[0])
        unknown.append(names[0])


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if part == "[key]":
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _inner(annotation: Any) -> Any:
    """The model or enum inside ``X | None``, ``Annotated[X, ...]``, ``list[X]``, ``tuple[X, ...]``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        elif origin in (list, tuple):
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            annotation = typing.get_args(annotation)[1]
        else:
            return annotation


def _at(model: type[BaseModel], loc: tuple[int | str, ...]) -> Any:
    """The type (a model or an enum) the facts have at ``loc``."""
    current: Any = model
    for part in loc:
        if isinstance(part, str) and isinstance(current, type) and issubclass(current, BaseModel):
            if part not in current.model_fields:
                return current  # a dict key (attestations)
            current = _inner(current.model_fields[part].annotation)
    return current


def _order(model: type[BaseModel], loc: tuple[int | str, ...]) -> tuple[int, ...]:
    """Where an error sits in the order the facts are read: field by field as the model lists them, an object's
    unknown fields (and an attestation's key) before its known ones."""
    key: list[int] = []
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            key.append(part)
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            key.append(list(current.model_fields).index(part))
            current = _inner(current.model_fields[part].annotation)
        elif part != "[key]":
            key.append(-1)
    return tuple(key)


def _missing(
    model: type[Facts], raw: Any, loc: tuple[int | str, ...], partial: bool, late: bool, out: list[Any]
) -> None:
    """Facts a request must give and did not, found beside Pydantic's own errors so the first in reading order is
    the one named. In a partial request a paper given (``whole``) is read after the rest, so its gaps come last."""
    if not isinstance(raw, dict):
        return
    for name, info in model.model_fields.items():
        need, here = model.need(name), (*loc, name)
        if name not in raw:
            if need.required and not partial:
                out.append(((10**6,) if late else (), _order(model, here[len(loc) :]), here))
            continue
        inner, value = _inner(info.annotation), raw[name]
        if isinstance(inner, type) and issubclass(inner, Facts):
            items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            for i, item in items:
                where = here if i is None else (*here, i)
                whole = need.whole or i is not None
                _missing(inner, item, where, partial and not whole, late or (partial and need.whole), out)


def _facts_error(model: type[Facts], exc: ValidationError, raw: Any, partial: bool) -> FactsError:
    ranked: list[tuple[tuple[int, ...], FactsError]] = [
        (_order(model, tuple(e["loc"])), _translate(model, e)) for e in exc.errors()
    ]
    gaps: list[Any] = []
    _missing(model, raw, (), partial, False, gaps)
    ranked += [(late + _order(model, loc), FactsError("is missing", _path(loc))) for late, _, loc in gaps]
    return min(ranked, key=lambda pair: pair[0])[1]


def _translate(model: type[Facts], e: ErrorDetails) -> FactsError:
    loc, kind, value = tuple(e["loc"]), e["type"], e.get("input")
    where = _path(loc) or "facts"
    if loc[:1] == ("attestations",) and len(loc) >= 2:
        return _attestation_error(loc, kind)
    if kind == "fact":
        return FactsError(e["msg"], where)
    if kind == "extra_forbidden":
        parent = _at(model, loc[:-1])
        return FactsError(f"unknown field; known fields: {', '.join(parent.model_fields)}", where)
    if value is None and loc and isinstance(loc[-1], str):
        return FactsError("must not be null", where)
    if kind == "bool_type":
        return FactsError(f"must be true or false, not {type_name(value)}", where)
    if kind == "enum":
        if not isinstance(value, str):
            return FactsError(f"must be a string, not {type_name(value)}", where)
        values = ", ".join(m.value for m in _at(model, loc))
        return FactsError(f"unknown value {value!r}; use one of: {values}", where)
    if kind in ("list_type", "tuple_type"):
        return FactsError(f"must be an array, not {type_name(value)}", where)
    if kind == "too_long":
        return FactsError("has too many entries (50 at most)", where)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return FactsError(f"must be an object, not {type_name(value)}", where)
    return FactsError(e["msg"], where)


def _attestation_error(loc: tuple[int | str, ...], kind: str) -> FactsError:
    where = f"attestations.{loc[1]}"
    if loc[-1] == "[key]":
        return FactsError(f"only these facts are attested: {', '.join(ATTESTED_FACTS)}", where)
    if len(loc) == 2 or kind == "extra_forbidden":
        return FactsError('must be an object with "by" and "basis"', where)
    return FactsError('"by" and "basis" must be short strings', where)


def _inline(schema: Any, defs: dict[str, Any]) -> Any:
    """The schema with every ``$ref`` replaced by what it names, so it can sit anywhere in the OpenAPI document."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            return _inline(defs[schema["$ref"].rsplit("/", 1)[-1]], defs) | {
                k: v for k, v in schema.items() if k != "$ref"
            }
        return {k: _inline(v, defs) for k, v in schema.items() if k != "$defs"}
    if isinstance(schema, list):
        return [_inline(v, defs) for v in schema]
    return schema


def facts_schema(kind: str) -> dict[str, Any]:
    """JSON Schema of one kind's facts (one object, or an array for a batch), from the same model that reads them."""
    schema = MODELS[kind].model_json_schema()
    one = _inline(schema, schema.get("$defs", {}))
    return {"oneOf": [one, {"type": "array", "items": one}]}
