"""The ten designated citywide languages (Local Law 30 of 2017, Admin Code §23-1101), kept as data.

Loaded by a data migration and by ``eo13 bootstrap``; idempotent, so a changed list can be reloaded.
"""

from datetime import date
from typing import Any

# Local Law 30 of 2017 took effect on this date; the list was set from Census and school data.
DESIGNATED_ON = date(2017, 7, 1)
SOURCE = "Local Law 30 of 2017 (Admin Code §23-1101): designated citywide languages"

# (site language code, English name, native name), in the order the City lists them.
DESIGNATED_LANGUAGES: tuple[tuple[str, str, str], ...] = (
    ("es", "Spanish", "Español"),
    ("zh-hant", "Chinese (Traditional)", "繁體中文"),
    ("ru", "Russian", "Русский"),
    ("bn", "Bengali", "বাংলা"),
    ("ht", "Haitian Creole", "Kreyòl ayisyen"),
    ("ko", "Korean", "한국어"),
    ("ar", "Arabic", "العربية"),
    ("ur", "Urdu", "اردو"),
    ("fr", "French", "Français"),
    ("pl", "Polish", "Polski"),
)

# The name staff read for a language code (the code stays in addresses and stored lists).
ENGLISH_NAMES: dict[str, str] = {"en": "English", **{code: name for code, name, _ in DESIGNATED_LANGUAGES}}


def language_name(code: str) -> str:
    return ENGLISH_NAMES.get(code, "Another language")


def load_languages(model: Any) -> int:
    """Takes the model as an argument so a migration can pass its historical model. Returns how many were new."""
    created = 0
    for position, (code, name, native) in enumerate(DESIGNATED_LANGUAGES, start=1):
        _, was_created = model.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "native_name": native,
                "position": position,
                "designated_on": DESIGNATED_ON,
                "source": SOURCE,
                "active": True,
            },
        )
        created += int(was_created)
    return created
