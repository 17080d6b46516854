"""Limits on what the API accepts, checked before any service scrubs or parses it (issue 9: hostile input).

One place for every endpoint, including ones added later:
- field types with a maximum length (`Label`, `Note`, `Body`) and bounded numbers (`Offset`, `Limit`) for schemas;
- `LimitedParser`, the API's JSON parser: refuses nesting deeper than `MAX_DEPTH` before `json.loads` (a linear
  scan), any string longer than `MAX_TEXT`, and NUL bytes or lone surrogates (PostgreSQL cannot store them);
- `InputRefused`, the error they raise, which the API answers as 400/422 with `{"error", "field"}`.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja import Schema
from ninja.pagination import LimitOffsetPagination
from ninja.parser import Parser
from pydantic import Field, StringConstraints

from eo13.errors import EO13Error

# Short labels: names, titles, references, codes, slugs.
LABEL_MAX = 200
# Notes, comments, descriptions of what happened.
NOTE_MAX = 5_000
# Policy bodies, materials, audit-report sections: the longest text anyone writes here.
TEXT_MAX = 100_000
# Django's own username limit; the login form and the token endpoint check it first.
USERNAME_MAX = 150
# The longest query-string value: searches and codes, never prose.
QUERY_MAX = 1_000
# Deeper JSON than this is refused before it is parsed; no EO13 body nests more than a few levels.
MAX_DEPTH = 32
# The largest offset a list accepts; far beyond any list here, far below what a database overflows on.
OFFSET_MAX = 1_000_000

Label = Annotated[str, StringConstraints(max_length=LABEL_MAX)]
Note = Annotated[str, StringConstraints(max_length=NOTE_MAX)]
Body = Annotated[str, StringConstraints(max_length=TEXT_MAX)]
# Long enough for any passphrase or password manager, short enough that hashing it costs nothing.
Secret = Annotated[str, StringConstraints(max_length=1_024)]
Username = Annotated[str, StringConstraints(max_length=USERNAME_MAX)]
Offset = Annotated[int, Field(ge=0, le=OFFSET_MAX)]
Limit = Annotated[int, Field(ge=1, le=500)]


class InputRefused(EO13Error):
    """Input refused before it reached a service: too long, too deep, or characters a database cannot store."""

    status = 422


class BodyMalformed(EO13Error):
    status = 400


class NotJSON(BodyMalformed):
    """The body does not parse as JSON at all (the decision endpoint answers this as bad facts, INTERFACES §2)."""


# NUL and the UTF-16 surrogate halves: valid in a Python str after json.loads("\"\\ud800\""), not storable.
_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")
# A JSON string (escapes included) or one bracket; linear, since the two alternatives of a character never overlap.
_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def bad_text(value: str) -> str | None:
    """The reason a text cannot be accepted, or None."""
    m = _BAD_CHARS.search(value)
    if m is None:
        return None
    return "Text may not contain NUL characters." if m.group() == "\x00" else "Text has an invalid character."


def check_depth(body: bytes, limit: int = MAX_DEPTH) -> None:
    """Refuse JSON nested deeper than `limit`, in one linear pass and before any parsing."""
    if body.count(b"[") + body.count(b"{") <= limit:
        return  # the common case, decided by two C-speed counts
    depth = 0
    for m in _TOKENS.finditer(body):
        token = m.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > limit:
                raise BodyMalformed(f"The JSON body nests deeper than {limit} levels.", field="")
        elif token in (b"]", b"}"):
            depth -= 1


def _field(path: list[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def check_values(data: Any, path: list[str | int] | None = None, *, max_text: int = TEXT_MAX) -> None:
    """Walk parsed JSON once; refuse over-long strings and unstorable characters, naming the field."""
    path = path or []
    if isinstance(data, str):
        if len(data) > max_text:
            raise InputRefused(f"Too long: at most {max_text:,} characters.", field=_field(path))
        reason = bad_text(data)
        if reason:
            raise InputRefused(reason, field=_field(path))
    elif isinstance(data, dict):
        for key, value in data.items():
            if bad_text(key) or len(key) > LABEL_MAX:
                raise InputRefused("A field name is not valid.", field=_field(path))
            check_values(value, [*path, key], max_text=max_text)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            check_values(value, [*path, i], max_text=max_text)


_QUICK_MAX = 16_384  # a decision's facts are a few hundred bytes


def _plainly_within_limits(body: bytes) -> bool:
    """True when no value of this body can break :func:`check_values`'s rules, seen from its bytes alone: ASCII
    with no backslash has no escapes, so no NUL (json.loads refuses raw control characters) and no surrogate, and no
    string longer than the longest stretch between two quotes. Bounded, so hostile bodies take the full walk."""
    return (
        len(body) <= _QUICK_MAX
        and body.isascii()
        and b"\\" not in body
        and max(map(len, body.split(b'"'))) <= LABEL_MAX
    )


def parse_json(body: bytes) -> Any:
    """Parse a request body as JSON within the limits above; the decision endpoint uses it too."""
    check_depth(body)
    try:
        data = json.loads(body or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise NotJSON("The body is not valid JSON.", field="") from None
    except RecursionError:  # pragma: no cover - check_depth refuses these first
        raise BodyMalformed("The JSON body nests too deeply.", field="") from None
    if not _plainly_within_limits(body):
        check_values(data)
    return data


class LimitedParser(Parser):
    """The API's parser: depth, length and character checks before any schema or service sees the body."""

    def parse_body(self, request: HttpRequest) -> Any:
        return parse_json(request.body)

    def parse_querydict(self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest) -> Any:
        result = super().parse_querydict(data, list_fields, request)
        limit = QUERY_MAX if data is request.GET else TEXT_MAX
        for key, value in result.items():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    if len(item) > limit:
                        raise InputRefused(f"Too long: at most {limit:,} characters.", field=key)
                    reason = bad_text(item)
                    if reason:
                        raise InputRefused(reason, field=key)
        return result


class ErrorOut(Schema):
    """The error object every API refusal carries; declare it for answers the rules below cannot infer."""

    error: str
    field: str | None = None


# --- The OpenAPI document: every operation lists the errors it can answer, with one error schema. ---

ERROR_SCHEMA: dict[str, Any] = {
    "title": "Error",
    "type": "object",
    "properties": {
        "error": {"type": "string", "description": "What is wrong, in plain language."},
        "field": {"anyOf": [{"type": "string"}, {"type": "null"}], "description": "The input at fault, if one is."},
        "detail": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["error"],
}
_ERROR_TEXT = {
    "400": "Malformed input (not JSON, nested too deeply, or characters that cannot be stored)",
    "401": "Not signed in, or the API token is not valid",
    "403": "Signed in, but this role or agency may not do this",
    "404": "No such record, or one of another agency",
    "413": "The request body is larger than the server accepts",
    "409": "Changed by someone else since it was read, or conflicts with a record that exists",
    "422": "Input refused: wrong type, too long, or out of range",
    "429": "Too many requests; wait and try again",
}
_WRITES = {"post", "put", "patch", "delete"}


def _errors_for(path: str, method: str, op: dict[str, Any]) -> list[str]:
    codes = ["400", "429"]
    if op.get("security"):
        codes += ["401", "403"]
    if "{" in path or op.get("security"):
        codes.append("404")  # a record in the path, or an agency named in the input, may not exist or be visible
    if method in _WRITES:
        codes.append("409")
    if op.get("parameters") or op.get("requestBody"):
        codes.append("422")
    if op.get("requestBody"):
        codes.append("413")
    return sorted(codes)


def document_errors(schema: Any) -> Any:
    """Add the error answers to every operation (INTERFACES §5), so endpoints added later are documented too."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    ref = {"$ref": "#/components/schemas/Error"}
    for path, item in schema.get("paths", {}).items():
        for method, op in item.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            for code in _errors_for(path, method, op):
                op["responses"].setdefault(
                    code, {"description": _ERROR_TEXT[code], "content": {"application/json": {"schema": ref}}}
                )
    return schema


class BoundedPagination(LimitOffsetPagination):
    """Ninja's limit/offset pagination with both ends bounded (settings.NINJA_PAGINATION_CLASS): a negative or huge
    offset is a 422, not a database overflow."""

    class Input(Schema):
        limit: Limit = 100
        offset: Offset = 0
