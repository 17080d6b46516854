"""Dates in the API are ``YYYY-MM-DD`` and nothing else (INTERFACES §3, issue 10).

Pydantic's lax mode also reads ``20260206`` and ``2026-W06-5``-like strings or numbers as dates; a person reading a
request would not recognise those, so they are refused with the same message the command line gives."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _strict(value: Any) -> Any:
    if isinstance(value, date) or (isinstance(value, str) and _DATE.fullmatch(value)):
        return value
    raise ValueError("must be a date written YYYY-MM-DD")


StrictDate = Annotated[date, BeforeValidator(_strict)]
