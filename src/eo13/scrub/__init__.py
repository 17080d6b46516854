"""The one scrubber for free text (DESIGN "Privacy by design"; EO 13 recitals on identifying information).

EO13 records what outside agencies asked for and what the City did, never who the New Yorkers involved are.
Every free-text field and every log line goes through :func:`scrub` before it is stored. It replaces what it
finds with a bracketed label and reports the kinds it removed, so the form can tell the writer.

How it finds things (issue 9):
- detection runs on a folded copy of the text (NFKC, format characters dropped, dashes unified: ``normalise``),
  so disguised identifiers are found; the stored text is the writer's own with only the found spans replaced;
- shapes (SSN, A-number, phone, e-mail, dates, addresses, ...) are RE2 patterns, linear in the text (``patterns``);
- people's names are found with the Census Bureau's name lists (``names``).

Pure Python with no Django import: the rules engine, the logging filter and the services all share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from eo13.scrub.names import name_spans
from eo13.scrub.normalise import fold
from eo13.scrub.patterns import SHAPES

NAME_LABEL = "[name removed]"
KINDS: tuple[str, ...] = tuple(shape.kind for shape in SHAPES)
_LABELS = {shape.kind: shape.label for shape in SHAPES}
_PRIORITY = {kind: i for i, kind in enumerate(KINDS)}
# Fields that hold the name of a City employee on purpose (a privacy officer, agency counsel, a trainee): their
# names stay; every other identifier in them is still removed.
STAFF_NAME_FIELDS = frozenset({"full_name", "counsel_name", "display_name"})


@dataclass(frozen=True)
class Cleaned:
    """What the scrubber kept and what it removed: the one result type for "what was removed" (issue 11 point 5),
    from a single field up to a saved record (``ReportsRemoved``) and the form or API answer that tells the writer."""

    text: str
    removed: tuple[str, ...]  # the kinds found, each once, in the order of KINDS

    @property
    def changed(self) -> bool:
        return bool(self.removed)


def removed_kinds(*groups: Iterable[str]) -> tuple[str, ...]:
    """The kinds removed from several fields of one record, each once, in the order of KINDS."""
    found = {kind for group in groups for kind in group}
    return tuple(k for k in KINDS if k in found) + tuple(sorted(found - set(KINDS)))


class ReportsRemoved:
    """For a model a service saves from free text: what the scrubber removed on this save (never stored), so the
    form and the API can tell the writer. Set by the service; read by ``removed_note`` and the API output."""

    scrubbed: tuple[str, ...] = ()


# Plain words for each kind, for the sentence that tells the writer what was removed.
KIND_WORDS = {
    "email": "an e-mail address",
    "a_number": "an A-number",
    "ssn": "a Social Security number",
    "date_of_birth": "a date of birth",
    "phone": "a phone number",
    "street_address": "an address",
    "immigration_status": "immigration status",
    "name": "a name",
    "identifier": "an ID number",
}


def removed_note(kinds: Iterable[str]) -> str:
    """The one sentence that tells a writer what was removed; empty when nothing was."""
    words = [KIND_WORDS.get(k, k.replace("_", " ")) for k in kinds]
    if not words:
        return ""
    return f"We removed details that could identify someone: {', '.join(words)}. EO13 never keeps who people are."


def _merge(found: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping spans become one, under the label of the highest-priority kind among them."""
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(found):
        if merged and start < merged[-1][1]:
            s, e, k = merged[-1]
            merged[-1] = (s, max(e, end), k if _PRIORITY[k] <= _PRIORITY[kind] else kind)
        else:
            merged.append((start, end, kind))
    return merged


def scrub(text: str | None, *, keep: tuple[str, ...] = ()) -> Cleaned:
    """Replace identifiers of members of the public in ``text`` with labels.

    ``keep`` names kinds to leave alone where they are not about people (a City parcel's street address, a City
    employee's own name)."""
    if not text:
        return Cleaned("", ())
    folded = fold(text)
    found: list[tuple[int, int, str]] = []
    kinds: set[str] = set()
    for shape in SHAPES:
        if shape.kind in keep:
            continue
        spans = shape.spans(folded.text)
        if shape.kind == "name":
            spans = spans + name_spans(folded.text)
        for start, end in spans:
            found.append((*folded.original_span(start, end), shape.kind))
            kinds.add(shape.kind)
    if not found:
        return Cleaned(text, ())
    out: list[str] = []
    cursor = 0
    for start, end, kind in _merge(found):
        out.append(text[cursor:start])
        out.append(_LABELS[kind])
        cursor = end
    out.append(text[cursor:])
    return Cleaned("".join(out), tuple(k for k in KINDS if k in kinds))


def scrub_text(text: str | None, *, keep: tuple[str, ...] = ()) -> str:
    return scrub(text, keep=keep).text


def scrub_value(value: object, *, key: str = "") -> object:
    """Scrub every string inside a JSON-like value (dicts, lists, strings); other values pass unchanged.

    A string under a key of :data:`STAFF_NAME_FIELDS` keeps the staff member's name."""
    if isinstance(value, str):
        return scrub_text(value, keep=("name",) if key in STAFF_NAME_FIELDS else ())
    if isinstance(value, Mapping):
        return {
            k: scrub_value(v, key=k if isinstance(k, str) and k in STAFF_NAME_FIELDS else key) for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [scrub_value(v, key=key) for v in value]
    return value


__all__ = [
    "KINDS",
    "KIND_WORDS",
    "NAME_LABEL",
    "STAFF_NAME_FIELDS",
    "Cleaned",
    "ReportsRemoved",
    "removed_kinds",
    "removed_note",
    "scrub",
    "scrub_text",
    "scrub_value",
]
