"""Local passwords: for break-glass accounts and the demo only, and off with EO13_LOCAL_LOGIN=0 (issue 15).

Turning them off here covers every way in that takes a password: the sign-in page and the API token endpoint."""

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class LocalPasswordBackend(ModelBackend):
    def authenticate(self, request: Any, username: str | None = None, password: str | None = None, **kw: Any) -> Any:
        if not settings.EO13_LOCAL_LOGIN:
            return None
        return super().authenticate(request, username=username, password=password, **kw)
