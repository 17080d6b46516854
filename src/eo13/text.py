"""Cleaning what people type, for the services (DESIGN "Privacy by design"; issue 9).

Two kinds of text come in:
- free text (notes, descriptions, policy bodies): its length is checked first, before any scrubbing, so a huge
  body costs nothing; then identifiers are replaced and the writer is told what was removed;
- labels (names of calendar links and API tokens, file names): a few words that never need personal details, so
  a label that holds any is refused with a plain message instead of being stored half-redacted.
"""

from __future__ import annotations

from pathlib import PurePath

from eo13.errors import ValidationFailed
from eo13.scrub import Cleaned, scrub

LABEL_MAX = 60


def clean_free_text(
    value: str | None, *, field: str, max_length: int, required: bool = False, keep: tuple[str, ...] = ()
) -> Cleaned:
    text = (value or "").strip()
    if len(text) > max_length:
        raise ValidationFailed(f"Keep this under {max_length:,} characters.", field=field)
    if required and not text:
        raise ValidationFailed("This field is required.", field=field)
    result = scrub(text, keep=keep)
    if len(result.text) > max_length:
        # A label can be longer than what it replaces ("[date of birth removed]" for a 10-character date): the
        # stored text is cut to the field's size, which only ever drops text.
        return Cleaned(result.text[: max_length - 1].rstrip() + "…", result.removed)
    return result


def clean_label(value: str | None, *, field: str, max_length: int = LABEL_MAX, default: str = "") -> str:
    text = " ".join((value or "").split())
    if len(text) > max_length:
        raise ValidationFailed(f"Keep the name short: {max_length} characters at most.", field=field)
    if scrub(text).changed:
        raise ValidationFailed(
            "A name here must not hold personal details (a person's name, a date of birth, a number). "
            "Use a few words about its purpose, such as 'Compliance team calendar'.",
            field=field,
        )
    return text or default


def clean_file_name(name: str | None, *, default: str) -> str:
    """An uploaded file's name, kept for the reader: the base name only, with identifiers replaced."""
    base = PurePath((name or "").replace("\\", "/")).name[:200] or default
    cleaned = scrub(base).text
    return cleaned.replace("[", "").replace("]", "").replace(" ", "-") if cleaned != base else base
