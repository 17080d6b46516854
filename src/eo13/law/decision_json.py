"""Decisions as the JSON `eo13 decide` prints: ``json.dumps(as_dict(), indent=2, ensure_ascii=False)``, the same
bytes, written faster (issue 14).

Python 3.12's json module writes indented JSON in pure Python, which took most of the time of a large batch. Here
the indentation is written directly, strings are escaped by json's own C function, and each list of reasons (shared
by many decisions: reasons are immutable constants), of steps or of citations is written once per depth.
``tests/law/test_decision_json.py`` compares the output with json.dumps for every golden decision.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C function json.dumps uses for ensure_ascii=False
from typing import Any

from eo13.law.engine import Decision, Reason

_PARTS: dict[Any, str] = {}  # (a tuple of strings, depth) -> its JSON
_KEPT: dict[Any, tuple[tuple[Reason, ...], str]] = {}  # (ids of reasons, depth) -> (the reasons, their JSON)
_DECISIONS: dict[Any, tuple[tuple[Reason, ...], str]] = {}  # (a decision's parts, depth) -> (its reasons, its JSON)
_ENOUGH = 8192  # entries kept; texts naming a property or an agreement vary, so the cache stays bounded


class _Other(Exception):
    """A value this writer does not handle: the caller falls back to json.dumps."""


def _strings(value: list[str] | tuple[str, ...], depth: int) -> str | None:
    """A list of strings (citations, next steps, missing facts): the same few lists recur, so each is kept."""
    key = (tuple(value), depth)
    found = _PARTS.get(key)
    if found is None:
        if not all(type(v) is str for v in value):
            return None
        inner = "\n" + "  " * (depth + 1)
        found = "[" + inner + ("," + inner).join(map(encode_basestring, value)) + "\n" + "  " * depth + "]"
        if len(_PARTS) < _ENOUGH:
            _PARTS[key] = found
    return found


def _reasons(value: list[Reason], depth: int) -> str:
    """A decision's reasons. Keyed by the reasons' ids: the entry holds the reasons themselves, so while it is kept
    no other object can have those ids, and a hit is the same reasons."""
    key = (tuple(map(id, value)), depth)
    found = _KEPT.get(key)
    if found is None:
        inner = "\n" + "  " * (depth + 1)
        parts = []
        for reason in value:
            part: list[str] = []
            _write(reason.as_dict(), depth + 1, part)
            parts.append("".join(part))
        found = (tuple(value), "[" + inner + ("," + inner).join(parts) + "\n" + "  " * depth + "]")
        if len(_KEPT) < _ENOUGH:
            _KEPT[key] = found
    return found[1]


def _write(value: Any, depth: int, out: list[str]) -> None:
    t = type(value)
    if t is str:
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif t is dict:
        if not value:
            out.append("{}")
            return
        inner = "\n" + "  " * (depth + 1)
        sep = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Other
            if type(item) is str:
                out.append(sep + encode_basestring(key) + ": " + encode_basestring(item))
            else:
                out.append(sep + encode_basestring(key) + ": ")
                _write(item, depth + 1, out)
            sep = "," + inner
        out.append("\n" + "  " * depth + "}")
    elif t is list or t is tuple:
        if not value:
            out.append("[]")
            return
        if type(value[0]) is str:
            found = _strings(value, depth)
            if found is not None:
                out.append(found)
                return
        elif set(map(type, value)) == {Reason}:
            out.append(_reasons(value, depth))
            return
        inner = "\n" + "  " * (depth + 1)
        sep = "[" + inner
        for item in value:
            out.append(sep)
            _write(item, depth + 1, out)
            sep = "," + inner
        out.append("\n" + "  " * depth + "]")
    else:
        raise _Other


def _plain(value: Any) -> Any:
    if isinstance(value, Decision):
        return value.as_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _decision(d: Decision, depth: int, out: list[str]) -> None:
    """One decision. Many in a batch are the same answer (same reasons, steps and date): each is written once. The
    key holds the reasons' ids and the entry the reasons themselves, as in :func:`_reasons`."""
    if d.attested:  # names and grounds given by people: written each time
        _write(d.as_dict_with(d.reasons), depth, out)
        return
    missing = None if d.missing is None else tuple(d.missing)
    reasons, citations, steps = tuple(map(id, d.reasons)), tuple(d.citations), tuple(d.next_steps)
    key = (d.kind, d.outcome, reasons, citations, steps, d.rules_version, d.as_of, missing, d.conflict, depth)
    found = _DECISIONS.get(key)
    if found is None:
        part: list[str] = []
        _write(d.as_dict_with(d.reasons), depth, part)
        found = (tuple(d.reasons), "".join(part))
        if len(_DECISIONS) < _ENOUGH:
            _DECISIONS[key] = found
    out.append(found[1])


def decisions_json(value: Decision | list[Decision]) -> str:
    """One decision or a list of them, exactly as ``json.dumps(..., indent=2, ensure_ascii=False)`` of as_dict()."""
    out: list[str] = []
    try:
        if not isinstance(value, list):
            _decision(value, 0, out)
        elif not value:
            out.append("[]")
        else:
            sep = "[\n  "
            for d in value:
                out.append(sep)
                _decision(d, 1, out)
                sep = ",\n  "
            out.append("\n]")
    except _Other:
        return json.dumps(_plain(value), indent=2, ensure_ascii=False)
    return "".join(out)
