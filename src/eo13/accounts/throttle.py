"""Login throttling keys. django-axes records failed sign-ins by username; a username field can hold anything a
person typed, so it is scrubbed before axes stores it (an SSN typed by mistake must not land in its tables)."""

from typing import Any

from eo13.scrub import scrub_text


def scrubbed_username(request: Any, credentials: dict[str, Any] | None) -> str:
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username", "") if hasattr(request, "POST") else ""
    return scrub_text(str(username or ""))[:150]
