"""The shapes of identifiers, as RE2 patterns (issue 9: every pattern that sees user text runs in linear time).

RE2 (``google-re2``) matches in time linear in the text whatever the pattern, so a long run of letters can no longer
make the e-mail pattern backtrack for minutes. RE2 has no look-around; where a shape must not touch a neighbouring
letter or digit, :class:`Shape` checks the neighbours of each match instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import re2

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_STREET_SUFFIX = (
    r"(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|place|pl|lane|ln|drive|dr|court|ct|terrace|ter|"
    r"parkway|pkwy|highway|hwy|way|square|sq|plaza|concourse|broadway)"
)
# A full date in free text whose year is before the order's (2026) may be someone's date of birth: events EO13
# records happen on or after the order. Two-digit years read the same way, except 24 to 29 (recent events).
_PAST_YEAR = r"(?:1[89]\d\d|20[01]\d|202[0-5])"
_PAST_YEAR_OR_SHORT = r"(?:1[89]\d\d|20[01]\d|202[0-5]|[013-9]\d|2[0-3])"
_MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
_DAY_NUM = r"(?:0?[1-9]|[12]\d|3[01])"
_WORDLIKE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")


@dataclass(frozen=True)
class Shape:
    kind: str
    label: str
    pattern: re2._Regexp[str]
    group: int = 0  # the group that is the identifier (0: the whole match)
    isolated: bool = False  # the match must not touch a letter, digit, "_" or "-"

    def spans(self, text: str) -> list[tuple[int, int]]:
        out = []
        for m in self.pattern.finditer(text):
            start, end = m.span(self.group)
            if start < 0 or end <= start:
                continue
            if self.isolated and (
                (start > 0 and text[start - 1] in _WORDLIKE) or (end < len(text) and text[end] in _WORDLIKE)
            ):
                continue
            out.append((start, end))
        return out


def _shape(kind: str, label: str, pattern: str, *, isolated: bool = False) -> Shape:
    return Shape(kind, label, re2.compile("(?i)" + pattern), isolated=isolated)


# Order is priority: where two shapes overlap, the union is removed under the first one's label.
SHAPES: tuple[Shape, ...] = (
    _shape("email", "[email removed]", r"[\w.+-]+\s*(?:@|\(at\)|\[at\])\s*[\w-]+(?:\.[\w-]+)+"),
    _shape(
        "a_number",
        "[A-number removed]",
        r"\b(?:a[\s#:.-]*(?:number|no\.?|num)?[\s#:.-]*)\d{3}[\s.-]?\d{3}[\s.-]?\d{2,3}\b"
        r"|\bA[\s#-]?\d{8,9}\b|\balien\s+(?:registration\s+)?(?:number|no\.?|#)\s*[:#]?\s*\d[\d\s.-]{7,11}\d",
    ),
    _shape(
        "ssn",
        "[SSN removed]",
        r"\b(?:ssn|social\s+security(?:\s+(?:number|no\.?|#))?)\s*[:#]?\s*\d{3}[\s.-]?\d{2}[\s.-]?\d{4}\b"
        # Nine digits however they are grouped or separated: 219.09.9999, 2190 99999, 219-099-999.
        r"|\b\d(?:[ .-]?\d){8}\b",
    ),
    _shape(
        "date_of_birth",
        "[date of birth removed]",
        r"\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|born(?:\s+on)?|birth\s*date|birthday)\s*[:#-]?\s*"
        r"(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|" + _MONTHS + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{2,4}|"
        r"\d{1,2}\s+" + _MONTHS + r"\.?,?\s+\d{2,4})"
        # Bare full dates before the order's year, in the ways people write them.
        r"|\b" + _PAST_YEAR + r"[-/.]" + _MONTH_NUM + r"[-/.]" + _DAY_NUM + r"\b"
        r"|\b" + _MONTH_NUM + r"[-/.]" + _DAY_NUM + r"[-/.]" + _PAST_YEAR_OR_SHORT + r"\b"
        r"|\b" + _DAY_NUM + r"[-/.]" + _MONTH_NUM + r"[-/.]" + _PAST_YEAR + r"\b"
        r"|\b" + _MONTHS + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+" + _PAST_YEAR + r"\b"
        r"|\b\d{1,2}\s+" + _MONTHS + r"\.?,?\s+" + _PAST_YEAR + r"\b",
    ),
    _shape(
        "phone",
        "[phone removed]",
        r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}|\d{10}",
        isolated=True,
    ),
    _shape(
        "street_address",
        "[address removed]",
        r"\b\d{1,6}(?:-\d{1,4})?\s+(?:[nsew]\.?\s+|north\s+|south\s+|east\s+|west\s+)?"
        r"(?:\d{1,3}(?:st|nd|rd|th)|[a-z][a-z'.]*(?:\s+[a-z][a-z'.]*){0,3})\s+" + _STREET_SUFFIX + r"\b\.?"
        r"(?:,?\s*(?:apt|apartment|unit|fl|floor|#)\.?\s*[\w-]+)?",
    ),
    _shape(
        "immigration_status",
        "[immigration status removed]",
        r"\b(?:undocumented|illegal\s+alien|illegal\s+immigrant|out\s+of\s+status|overstay(?:ed)?\s+(?:a\s+)?visa|"
        r"green\s+card\s+holder|has\s+a\s+green\s+card|daca\s+recipient|tps\s+holder|asylum\s+seeker|"
        r"(?:is|was)\s+(?:an?\s+)?(?:refugee|asylee|lawful\s+permanent\s+resident|citizen|non-?citizen)|"
        r"(?:final\s+)?order\s+of\s+removal|deportation\s+order)\b",
    ),
    _shape(
        "name",
        "[name removed]",
        r"\b(?:name|named|full\s+name|first\s+name|last\s+name|surname|client|resident|patient|person)"
        r"\s*(?:is|was|:|=|-)\s*[\"']?[A-Za-zÀ-ÿ][\w'À-ÿ-]*(?:\s+[A-Z][\w'À-ÿ-]*){0,3}",
    ),
    _shape(
        "identifier",
        "[identifier removed]",
        r"\b(?:passport|license|licence|id|case|medicaid|client\s+id|plate|visa)\s*(?:number|no\.?|#)?\s*"
        r"[:#]\s*[A-Z0-9][A-Z0-9-]{4,}\b",
    ),
)
