"""The one scrubber for free text (DESIGN "Privacy by design"; EO 13 recitals on identifying information).

EO13 records what outside agencies asked for and what the City did, never who the New Yorkers involved are.
Every free-text field and every log line goes through :func:`scrub` before it is stored. It replaces what it
finds with a bracketed label and reports the kinds it removed, so the form can tell the writer.

Pure Python with no Django import: the rules engine, the logging filter and the services all share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_STREET_SUFFIX = (
    r"(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|place|pl|lane|ln|drive|dr|court|ct|terrace|ter|"
    r"parkway|pkwy|highway|hwy|way|square|sq|plaza|concourse|broadway)"
)

# Order matters: the most specific shapes first, so an SSN is not half-eaten as a phone number.
_PATTERNS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("email", "[email removed]", re.compile(r"[\w.+-]+\s*(?:@|\(at\)|\[at\])\s*[\w-]+(?:\.[\w-]+)+", re.I)),
    (
        "a_number",
        "[A-number removed]",
        re.compile(
            r"\b(?:a[\s#:.-]*(?:number|no\.?|num)?[\s#:.-]*)\d{3}[\s.-]?\d{3}[\s.-]?\d{2,3}\b"
            r"|\bA[\s#-]?\d{8,9}\b|\balien\s+(?:registration\s+)?(?:number|no\.?|#)\s*[:#]?\s*\d[\d\s.-]{7,11}\d",
            re.I,
        ),
    ),
    (
        "ssn",
        "[SSN removed]",
        re.compile(
            r"\b(?:ssn|social\s+security(?:\s+(?:number|no\.?|#))?)\s*[:#]?\s*\d{3}[\s.-]?\d{2}[\s.-]?\d{4}\b"
            r"|\b\d{3}-\d{2}-\d{4}\b|\b\d{3}\s\d{2}\s\d{4}\b",
            re.I,
        ),
    ),
    (
        "date_of_birth",
        "[date of birth removed]",
        re.compile(
            r"\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|born(?:\s+on)?|birth\s*date|birthday)\s*[:#-]?\s*"
            r"(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|" + _MONTHS + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{2,4}|"
            r"\d{1,2}\s+" + _MONTHS + r"\.?,?\s+\d{2,4})",
            re.I,
        ),
    ),
    (
        "phone",
        "[phone removed]",
        re.compile(r"(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w-])|\b\d{10}\b"),
    ),
    (
        "street_address",
        "[address removed]",
        re.compile(
            r"\b\d{1,6}(?:-\d{1,4})?\s+(?:[nsew]\.?\s+|north\s+|south\s+|east\s+|west\s+)?"
            r"(?:\d{1,3}(?:st|nd|rd|th)|[a-z][a-z'.]*(?:\s+[a-z][a-z'.]*){0,3})\s+" + _STREET_SUFFIX + r"\b\.?"
            r"(?:,?\s*(?:apt|apartment|unit|fl|floor|#)\.?\s*[\w-]+)?",
            re.I,
        ),
    ),
    (
        "immigration_status",
        "[immigration status removed]",
        re.compile(
            r"\b(?:undocumented|illegal\s+alien|illegal\s+immigrant|out\s+of\s+status|overstay(?:ed)?\s+(?:a\s+)?visa|"
            r"green\s+card\s+holder|has\s+a\s+green\s+card|daca\s+recipient|tps\s+holder|asylum\s+seeker|"
            r"(?:is|was)\s+(?:an?\s+)?(?:refugee|asylee|lawful\s+permanent\s+resident|citizen|non-?citizen)|"
            r"(?:final\s+)?order\s+of\s+removal|deportation\s+order)\b",
            re.I,
        ),
    ),
    (
        "name",
        "[name removed]",
        re.compile(
            r"\b(?:name|named|full\s+name|first\s+name|last\s+name|surname|client|resident|patient|person)"
            r"\s*(?:is|was|:|=|-)\s*[\"']?[A-Za-zÀ-ÿ][\w'À-ÿ-]*(?:\s+[A-Z][\w'À-ÿ-]*){0,3}",
            re.I,
        ),
    ),
    (
        "identifier",
        "[identifier removed]",
        re.compile(
            r"\b(?:passport|license|licence|id|case|medicaid|client\s+id|plate|visa)\s*(?:number|no\.?|#)?\s*"
            r"[:#]\s*[A-Z0-9][A-Z0-9-]{4,}\b",
            re.I,
        ),
    ),
)

KINDS: tuple[str, ...] = tuple(kind for kind, _, _ in _PATTERNS)


@dataclass(frozen=True)
class ScrubResult:
    text: str
    removed: tuple[str, ...]  # the kinds found, each once, in the order of KINDS

    @property
    def changed(self) -> bool:
        return bool(self.removed)


def scrub(text: str | None, *, keep: tuple[str, ...] = ()) -> ScrubResult:
    """Replace identifiers of members of the public in ``text`` with labels.

    ``keep`` names kinds to leave alone where they are not about people (a City parcel's street address)."""
    if not text:
        return ScrubResult("", ())
    found: list[str] = []
    for kind, label, pattern in _PATTERNS:
        if kind in keep:
            continue
        text, n = pattern.subn(label, text)
        if n:
            found.append(kind)
    return ScrubResult(text, tuple(found))


def scrub_text(text: str | None) -> str:
    return scrub(text).text


def scrub_value(value: object) -> object:
    """Scrub every string inside a JSON-like value (dicts, lists, strings); other values pass unchanged."""
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {k: scrub_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [scrub_value(v) for v in value]
    return value
