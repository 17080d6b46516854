"""The API's rate limits, counted in fixed windows in the shared cache (issue 14, point 5).

ninja's throttles keep each caller's recent request times as a list, read and written whole on every request: with
a high limit that list grows to thousands of times (a decision read and rewrote 30,000 of them in the benchmark),
and two workers answering the same caller at once each write their own copy, so requests are lost from the count.
Here each caller has one integer per window (a minute, for "600/m"), raised by the cache's own increment, which
Redis does atomically for every worker. The cost: at a window's edge a caller can get up to twice the limit in a
short burst, as with any fixed window.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja.throttling import AnonRateThrottle, AuthRateThrottle, SimpleRateThrottle

from eo13.accounts.client_ip import client_ip


class WindowCount(SimpleRateThrottle):
    """One counter per caller and window; allows the first ``num_requests`` of each window."""

    window_ends = 0.0

    def allow_request(self, request: HttpRequest) -> bool:
        self.key = self.get_cache_key(request)
        if self.key is None or self.num_requests is None or self.duration is None:
            return True
        self.now = self.timer()  # type: ignore[misc]  # time.time, a builtin: not bound to self
        window = int(self.now // self.duration)
        self.window_ends = (window + 1) * self.duration
        key = f"{self.key}:{window}"
        try:
            count = self.cache.incr(key)
        except ValueError:  # the window's first request (or its counter was evicted)
            # The counter outlives its window by a second, so a slow clock never finds it gone early.
            count = 1 if self.cache.add(key, 1, self.duration + 1) else self.cache.incr(key)
        return int(count) <= self.num_requests

    def wait(self) -> float | None:
        """Seconds until the caller's next window opens (the Retry-After header)."""
        return max(self.window_ends - self.now, 1.0)

    def get_ident(self, request: HttpRequest) -> str | None:
        """A caller without a token, by the address :func:`client_ip` trusts (ninja's own believes any
        X-Forwarded-For)."""
        return client_ip(request)


class ClientAnonRateThrottle(WindowCount, AnonRateThrottle):
    """The limit for callers without a token, by address."""


class ClientAuthRateThrottle(WindowCount, AuthRateThrottle):
    """The per-user limit (by the token's user; by address for a caller with none)."""
