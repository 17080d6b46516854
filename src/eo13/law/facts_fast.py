"""Reading well-formed facts without Pydantic (issue 14): the same facts :func:`eo13.law.facts_read.read_facts`
gives, at a small share of its cost and without importing Pydantic at all.

Only facts whose every value has exactly the JSON type the models accept are read here (``true``, never ``1``; an
enum value as a plain string; a date ``YYYY-MM-DD``). Anything else, and every fact that would be an error, is left
to the Pydantic models (:class:`Slow`), so errors keep their words and their order. The fields below mirror the
models of :mod:`eo13.law.facts` one for one; ``tests/law/test_facts_fast.py`` derives them from the models and
checks both readers give the same facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from eo13.law.fact_values import (
    ASKED,
    REQUIRED,
    Area,
    Authorizes,
    ConvictionCategory,
    DetainerAgency,
    DetainerRequest,
    Employer,
    Fact,
    Form,
    Issuer,
    LotException,
    PropertyKind,
    Requester,
    Use,
)


@dataclass
class ReadFacts:
    """The facts as the rules read them (every field present, defaults filled in), and, in a partial request, the
    facts not given that could matter (paths such as ``property`` or ``personnel.enforces_laws``)."""

    facts: dict[str, Any]
    unknown: list[str] = field(default_factory=list)


class Slow(Exception):
    """These facts are not plainly well formed: let the Pydantic models read them (and name the error)."""


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NOT_GIVEN: Final = Fact()


def _bool(value: Any) -> Any:
    if value is True or value is False:
        return value
    raise Slow


def _date(value: Any) -> Any:
    if type(value) is str and len(value) == 10 and _DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise Slow


def _text(value: Any) -> Any:
    # ASCII only: other strings go through JSON and Pydantic, which may treat them differently.
    if type(value) is str and len(value) <= 100 and value.isascii():
        stripped = value.strip()
        if stripped:
            return stripped
    raise Slow


def _enum(enum: Any) -> Any:
    values = frozenset(m.value for m in enum)

    def read(value: Any) -> Any:
        if type(value) is str and value in values:
            return value
        raise Slow

    read.values = values  # type: ignore[attr-defined]  # the reader checks these in its own loop
    return read


def _enum_set(enum: Any) -> Any:
    """A list of values, each kept once, in the enum's own order (as the models' ``_in_order``)."""
    order = {m.value: i for i, m in enumerate(enum)}
    seen: dict[tuple[str, ...], tuple[str, ...]] = {}  # the lists given, in their order, and the set they make

    def read(value: Any) -> Any:
        if type(value) is not list:
            raise Slow
        for item in value:
            if type(item) is not str or item not in order:
                raise Slow
        if len(value) < 2:
            return tuple(value)
        given = tuple(value)
        found = seen.get(given)
        if found is None:
            found = tuple(sorted(set(value), key=order.__getitem__))
            if len(seen) < 4096:
                seen[given] = found
        return found

    return read


def _never(value: Any) -> Any:
    raise Slow  # attestations: rare; the models read them


@dataclass(frozen=True)
class F:
    """One field: its name, how a given value is read, whether null is allowed, and whether it must be given."""

    name: str
    read: Any
    nullable: bool = False
    need: Fact = NOT_GIVEN
    model: Model | None = None  # an object of facts
    many: int = 0  # a list of objects of facts, at most this many


_BOOL, _ENUM, _MODEL, _MANY, _OTHER = range(5)


class Model:
    """The fields of one object of facts. Its reader is written out as Python source once, field by field, as
    dataclasses writes ``__init__``: a generic loop over the fields cost more than the rules (issue 14)."""

    # read(raw, path, partial, unknown): the facts of one object, as ``model_dump()`` gives them; what is not known
    # is added to ``unknown``.
    read: Callable[[Any, str, bool, list[str]], dict[str, Any]]

    def __init__(self, fields: tuple[F, ...], one_of: tuple[tuple[str, str, bool], ...] = ()) -> None:
        self.fields = fields
        self.one_of = one_of
        self.names = frozenset(f.name for f in fields)
        self.read = _compile(self)


def _compile(model: Model) -> Any:
    scope: dict[str, Any] = {"Slow": Slow, "MISSING": _MISSING, "NAMES": model.names}
    lines = [
        "def read(raw, path, partial, unknown):",
        "    if type(raw) is not dict or not NAMES.issuperset(raw):",
        "        raise Slow",
        "    get = raw.get",
    ]
    for i, f in enumerate(model.fields):
        how, arg = _how(f)
        scope[f"A{i}"] = arg
        need = f.need
        where = f"(path + '.{f.name}' if path else '{f.name}')"
        # Left out, or an asked fact given as null (but a null paper says none was served): as facts_read.
        missing = ["pass"]
        if need.required:
            missing = ["if not partial:", "    raise Slow", f"unknown.append({where})"]
        elif need.asked:
            missing = ["if partial and not path:", f"    unknown.append({where})"]
        lines += [f"    v = get('{f.name}', MISSING)", "    if v is MISSING:", f"        f{i} = None"]
        lines += [f"        {m}" for m in missing]
        lines += ["    elif v is None:", f"        f{i} = None"]
        if not f.nullable:
            lines += ["        raise Slow"]
        elif need.asked and not need.whole:
            lines += [f"        {m}" for m in missing]
        lines += ["    else:"]
        if how == _BOOL:
            lines += ["        if v is not True and v is not False:", "            raise Slow", f"        f{i} = v"]
        elif how == _ENUM:
            lines += [f"        if type(v) is not str or v not in A{i}:", "            raise Slow", f"        f{i} = v"]
        elif how == _MODEL:
            lines += [f"        f{i} = A{i}.read(v, {where}, partial{'' if not need.whole else ' and False'}, unknown)"]
        elif how == _MANY:
            lines += [f"        f{i} = A{i}(v, {where}, unknown)"]
        else:
            lines += [f"        f{i} = A{i}(v)"]
    lines += ["    out = {" + ", ".join(f"'{f.name}': f{i}" for i, f in enumerate(model.fields)) + "}"]
    for first, second, both in model.one_of:
        lines += [f"    given = (out['{first}'] is not None) + (out['{second}'] is not None)"]
        if not both:
            lines += ["    if given == 2:", "        raise Slow"]
        lines += [
            "    if not given:",
            "        if not partial:",
            "            raise Slow",
            f"        unknown.append('{first}')",
        ]
    lines += ["    return out"]
    exec(compile("\n".join(lines), f"<facts reader {sorted(model.names)[0]}...>", "exec"), scope)  # noqa: S102
    return scope["read"]


def _how(f: F) -> tuple[int, Any]:
    if f.model is not None and f.many:
        item, most = f.model, f.many

        def many(value: Any, where: str, unknown: list[str]) -> Any:
            if type(value) is not list or len(value) > most:
                raise Slow
            return [item.read(v, f"{where}[{i}]", False, unknown) for i, v in enumerate(value)]

        return _MANY, many
    if f.model is not None:
        return _MODEL, f.model
    if f.read is _bool:
        return _BOOL, None
    values = getattr(f.read, "values", None)
    if values is not None:
        return _ENUM, values
    return _OTHER, f.read


_MISSING: Final = object()
_WHOLE: Final = Fact(whole=True)


def model(*fields: F, one_of: tuple[tuple[str, str, bool], ...] = ()) -> Model:
    return Model(fields, one_of)


WARRANT = model(
    F("issued_by", _enum(Issuer), need=REQUIRED),
    F("authorizes", _enum_set(Authorizes), need=REQUIRED),
    F("form", _enum(Form), nullable=True),
    F("date", _date, nullable=True),
)
PERSONNEL = model(F("employer", _enum(Employer), need=REQUIRED), F("enforces_laws", _bool, need=REQUIRED))
PROPERTY = model(
    F("kind", _enum(PropertyKind), need=REQUIRED),
    F("city_owned_or_leased", _bool, need=REQUIRED),
    F("city_operational_control", _bool, need=REQUIRED),
    F("city_governmental_purpose", _bool, nullable=True),
)
LOT_USE = model(
    F("date", _date, nullable=True),
    F("personnel", None, need=REQUIRED, model=PERSONNEL),
    F("property", None, nullable=True, model=PROPERTY),
    F("property_id", _text, nullable=True),
    F("use", _enum(Use), need=REQUIRED),
    F("law_enforcement_purpose", _bool, need=REQUIRED),
    F("immigration_enforcement", _bool, nullable=True, need=ASKED),
    F("exceptions", _enum_set(LotException), nullable=True, need=ASKED),
    F("warrant", None, nullable=True, need=_WHOLE, model=WARRANT),
    F("agreement_id", _text, nullable=True),
    F("attestations", _never, nullable=True),
    one_of=(("property", "property_id", False),),
)
PROPERTY_ACCESS = model(
    F("date", _date, nullable=True),
    F("requester", _enum(Requester), need=REQUIRED),
    F("property", None, nullable=True, model=PROPERTY),
    F("property_id", _text, nullable=True),
    F("area", _enum(Area), need=REQUIRED),
    F("judicial_warrant", _bool, nullable=True),
    F("warrant", None, nullable=True, need=_WHOLE, model=WARRANT),
    F("authorized_by_city_personnel", _bool, need=REQUIRED),
    F("emergency", _bool, need=REQUIRED),
    F("immigration_enforcement", _bool, nullable=True, need=ASKED),
    F("attestations", _never, nullable=True),
    one_of=(("property", "property_id", False), ("judicial_warrant", "warrant", True)),
)
CONVICTION = model(
    F("category", _enum(ConvictionCategory), need=REQUIRED),
    F("offense_code", _text, nullable=True),
    F("date_of_judgment", _date, need=REQUIRED),
    F("released_on", _date, nullable=True),
    F("youthful_offender", _bool, need=REQUIRED),
)
DETAINER = model(
    F("date", _date, nullable=True),
    F("agency", _enum(DetainerAgency), need=REQUIRED),
    F("request", _enum(DetainerRequest), need=REQUIRED),
    F("warrant", None, nullable=True, need=Fact(asked=True, whole=True), model=WARRANT),
    F("convictions", None, need=REQUIRED, model=CONVICTION, many=50),
    F("arrest_date", _date, nullable=True),
    F("terrorist_screening_match", _bool, need=REQUIRED),
)
MODELS: Final[dict[str, Model]] = {
    "lot-use": LOT_USE,
    "property-access": PROPERTY_ACCESS,
    "warrant": WARRANT,
    "detainer": DETAINER,
}


def read_fast(kind: str, raw: Any, partial: bool) -> ReadFacts:
    """The facts, read as :func:`eo13.law.facts_read.read_facts` reads them; :class:`Slow` when it must do so."""
    reader = MODELS.get(kind)
    if reader is None:
        raise Slow
    unknown: list[str] = []
    facts = reader.read(raw, "", partial, unknown)
    if "exceptions" in facts and facts["exceptions"] is None:
        facts["exceptions"] = ()
    return ReadFacts(facts, unknown)
