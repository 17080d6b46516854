"""CSV in and out, safely (issue 9).

Out: every CSV the project writes goes through `writer`/`dict_writer`, which neutralise spreadsheet formulas. A cell
that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would run as a formula when a person opens the file
in a spreadsheet (OWASP "CSV injection"); such a cell gets a leading apostrophe. Plain numbers (`-3`, `+1.5`) stay.

In: `csv_problem` turns the csv module's own refusals (a field over 131,072 characters, a NUL byte) into a plain
sentence the importers report against the line, so a bad file is a clean import error, not a traceback.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def neutralise(value: Any) -> Any:
    """The cell as a spreadsheet will show it, never as a formula it would run."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


class _SafeWriter:
    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._inner.writerow([neutralise(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class _SafeDictWriter:
    def __init__(self, inner: csv.DictWriter[str]) -> None:
        self._inner = inner

    def writeheader(self) -> Any:
        return self._inner.writeheader()

    def writerow(self, row: Mapping[str, Any]) -> Any:
        return self._inner.writerow({k: neutralise(v) for k, v in row.items()})

    def writerows(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(f: Any, **kwargs: Any) -> _SafeWriter:
    """`csv.writer` with formulas neutralised."""
    return _SafeWriter(csv.writer(f, **kwargs))


def dict_writer(f: Any, fieldnames: list[str], **kwargs: Any) -> _SafeDictWriter:
    """`csv.DictWriter` with formulas neutralised."""
    return _SafeDictWriter(csv.DictWriter(f, fieldnames=fieldnames, **kwargs))


def csv_problem(exc: csv.Error) -> str:
    """A plain sentence for what the csv module refused."""
    text = str(exc)
    if "field larger than field limit" in text:
        return f"a field is longer than {csv.field_size_limit():,} characters"
    if "NUL" in text:
        return "the line holds a NUL character"
    return f"the line is not valid CSV ({text})"
