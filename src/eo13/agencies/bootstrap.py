from typing import Any

from eo13.agencies.models import Agency
from eo13.agencies.reference import load_agencies


def run(stdout: Any) -> None:
    created = load_agencies(Agency)
    stdout.write(f"Agency registry: {Agency.objects.count()} offices ({created} new).")
