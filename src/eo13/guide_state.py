"""What the two guides share: the lot and room guide (eo13.access.guide) and the detainer guide
(eo13.detainers.guide) both fill in decision facts one plain question at a time (INTERFACES §2, partial mode).

A half-answered guide travels in a signed form field, so it works without JavaScript or a session; the next question
is the first fact the engine still needs, most decisive first, that the person has not set aside as "Not sure".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Self

from django.core import signing

from eo13.law.engine import Decision, unique

UNSURE = "unsure"
MAX_AGE = 6 * 3600  # a guide left open longer starts again


@dataclass(frozen=True)
class Question:
    key: str  # the fact path it fills
    text: str
    help: str = ""
    choices: tuple[tuple[str, str, Any], ...] = ()  # (value, label, fact value)
    multiple: bool = False


@dataclass
class Step:
    kind: str  # question | place | final
    question: Question | None = None
    decision: Decision | None = None
    error: str = ""


class SignedState:
    """Mixed into a guide's state dataclass. ``TOKEN_KEYS`` maps each field to its short key in the signed token;
    the keys are those the guides always used, so a guide in progress survives a deploy."""

    SALT: ClassVar[str]
    TOKEN_KEYS: ClassVar[dict[str, str]]

    def dump(self) -> str:
        data = {short: getattr(self, name) for name, short in self.TOKEN_KEYS.items()}
        return signing.dumps(data, salt=self.SALT, compress=True)

    @classmethod
    def load(cls, token: str) -> Self:
        data = signing.loads(token, salt=cls.SALT, max_age=MAX_AGE)
        return cls(**{name: data[short] for name, short in cls.TOKEN_KEYS.items() if short in data})


def still_needed(decision: Decision, unsure: list[str]) -> list[str]:
    """The facts (top-level names) the engine still needs, most decisive first, less those set aside."""
    return [key for key in unique([p.split(".", 1)[0] for p in decision.missing or []]) if key not in unsure]
