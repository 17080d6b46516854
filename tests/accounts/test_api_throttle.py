"""The API's rate limits (issue 14, points 5 and 6): counted per caller in fixed windows in the shared cache, so every
worker adds to one count, and a caller over the limit gets 429 with the seconds until the next window."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from eo13.accounts.api_throttle import ClientAnonRateThrottle, ClientAuthRateThrottle
from eo13.api import api


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def _limit(monkeypatch: pytest.MonkeyPatch, kind: type, n: int) -> None:
    (throttle,) = [t for t in api.throttle if type(t) is kind]
    monkeypatch.setattr(throttle, "num_requests", n)


def _anonymous(address: str) -> object:
    request = RequestFactory().get("/api/v1/agencies", REMOTE_ADDR=address)
    request.auth = None
    return request


@pytest.mark.django_db
def test_a_user_over_the_limit_gets_429_with_retry_after_and_others_go_on(monkeypatch, make_user, api_as):
    _limit(monkeypatch, ClientAuthRateThrottle, 3)
    first, second = api_as(make_user("frontline", "ACS")), api_as(make_user("frontline", "DOE"))
    assert [first.get("/api/v1/agencies").status_code for _ in range(3)] == [200] * 3
    refused = first.get("/api/v1/agencies")
    assert refused.status_code == 429 and refused.json()["error"]
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert second.get("/api/v1/agencies").status_code == 200


def test_callers_without_a_token_are_counted_by_address():
    # Only the token endpoint takes callers without a token (every other endpoint answers them 401 first).
    throttle = ClientAnonRateThrottle("2/m")
    here, there = _anonymous("192.0.2.10"), _anonymous("192.0.2.20")
    assert [throttle.allow_request(here) for _ in range(3)] == [True, True, False]
    assert throttle.allow_request(there)


def test_two_workers_add_to_one_count_kept_as_one_number():
    """Two throttles (as in two worker processes) sharing the cache: the third request is refused by whichever sees
    it, and the cache holds one small integer, not a list of request times."""
    worker_a, worker_b = ClientAnonRateThrottle("2/m"), ClientAnonRateThrottle("2/m")
    worker_a.timer = worker_b.timer = lambda: 600.0
    request = _anonymous("192.0.2.30")
    assert worker_a.allow_request(request) and worker_b.allow_request(request)
    assert not worker_a.allow_request(request) and not worker_b.allow_request(request)
    assert cache.get(f"{worker_a.key}:10") == 4


def test_a_new_window_starts_a_new_count_and_wait_says_when():
    throttle = ClientAnonRateThrottle("2/m")
    request = _anonymous("192.0.2.40")
    throttle.timer = lambda: 661.0  # 1 s into the window that opens at 660
    assert throttle.allow_request(request) and throttle.allow_request(request)
    assert not throttle.allow_request(request)
    assert throttle.wait() == 59.0
    throttle.timer = lambda: 719.5
    assert not throttle.allow_request(request) and throttle.wait() == 1.0  # never less than a second
    throttle.timer = lambda: 720.0
    assert throttle.allow_request(request)
