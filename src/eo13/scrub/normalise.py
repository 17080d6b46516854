"""A detection copy of free text, with a map back to the original characters.

People disguise identifiers, or their keyboards do it for them: a non-breaking hyphen in an SSN, a full-width ``＠``
in an e-mail address, a zero-width space inside an A-number. Detection runs on a copy folded with NFKC, with format
characters (Unicode category Cf: zero-width spaces, joiners, marks) dropped and every dash read as ``-``. What is
stored is the writer's own text with only the detected spans replaced, so a Urdu word keeps its zero-width
non-joiner and a Chinese policy keeps its punctuation.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import re2

# Dashes and minus signs that NFKC leaves as they are.
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u2e3a\u2e3b")


# Characters that NFKC keeps but detection must not see: format characters (category Cf) and dashes.
_NEEDS_FOLDING = re2.compile(r"[\p{Cf}\p{Pd}\x{2212}]")


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    if char.isascii():
        return char
    if unicodedata.category(char) == "Cf":
        return ""
    folded = unicodedata.normalize("NFKC", char)
    return "".join("-" if c in _DASHES or unicodedata.category(c) == "Pd" else c for c in folded)


@dataclass(frozen=True)
class Folded:
    """``text`` is the detection copy; ``origin[i]`` is the index in the original of the character behind text[i]."""

    text: str
    origin: tuple[int, ...] | None  # None: the copy is the original, character for character

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that produced ``text[start:end]`` (end exclusive, ``end > start``)."""
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1


def fold(text: str) -> Folded:
    """Fold ``text`` for detection in one pass over its characters (linear in its length)."""
    if text.isascii() or (unicodedata.is_normalized("NFKC", text) and not _NEEDS_FOLDING.search(text)):
        return Folded(text, None)
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        folded = _fold(char)
        out.append(folded)
        origin.extend([i] * len(folded))
    return Folded("".join(out), tuple(origin))
