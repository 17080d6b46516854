"""API tokens remembered between requests and forgotten when sign-in data changes (issue 14, token_cache).

These tests commit for real, as production does (the notification is sent only when a change commits), and wait
for what another connection changed to take effect. The waits are bounds, not measurements: the change is seen
within milliseconds, the bound is only there so a broken listener fails the test instead of hanging it.
"""

import time
from collections.abc import Callable, Iterator

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eo13.accounts import token_cache
from eo13.accounts.membership_read import KEPT_ON_USER
from eo13.accounts.models import APIToken, Membership
from eo13.accounts.tokens import token_create, token_user
from tests.law.facts_builders import lot_use

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="the cache and its triggers are PostgreSQL's"),
]
DECIDE = "/api/v1/decisions/lot-use"
BOUND = 30.0


def _until(check: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + BOUND
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def listening(settings) -> Iterator[None]:
    settings.EO13_TOKEN_CACHE = True
    try:
        assert _until(lambda: token_cache.for_connection(connection) is not None), "the listener never connected"
        yield
    finally:
        token_cache.stop_all()  # its connection would keep the test database from being dropped


def _token_reads(api, path: str = DECIDE) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as ctx:
        response = api.post(path, lot_use())
    return response.status_code, sum("accounts_apitoken" in q["sql"] for q in ctx.captured_queries)


def test_a_callers_next_requests_read_no_token(make_user, api_as, listening):
    api = api_as(make_user("frontline", "ACS"))
    assert _token_reads(api)[0] == 200  # read, and its first use written
    assert _token_reads(api) == (200, 0)
    assert _token_reads(api) == (200, 0)


def test_a_revoked_token_is_refused_at_once_though_it_was_remembered(make_user, api_as, listening):
    user = make_user("frontline", "ACS")
    api = api_as(user)
    assert api.post(DECIDE, lot_use()).status_code == 200
    assert _token_reads(api) == (200, 0)  # remembered
    APIToken.objects.filter(user=user).update(revoked_at=timezone.now())  # as the revoke button, committed
    assert _until(lambda: api.post(DECIDE, lot_use()).status_code == 401)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param("UPDATE accounts_user SET is_active = false WHERE id = %s", id="switched-off-by-hand"),
        pytest.param("DELETE FROM accounts_membership WHERE user_id = %s", id="membership-removed"),
    ],
)
def test_changes_made_any_way_even_by_hand_in_sql_are_seen(make_user, api_as, listening, change):
    user = make_user("frontline", "ACS")
    api = api_as(user)
    assert api.post(DECIDE, lot_use()).status_code == 200
    assert _token_reads(api) == (200, 0)
    with connection.cursor() as cursor:
        cursor.execute(change, [user.pk])
    assert _until(lambda: api.post(DECIDE, lot_use()).status_code in (401, 403))


def test_a_new_role_applies_to_the_next_requests(make_user, api_as, listening):
    user = make_user("frontline", "ACS")
    api = api_as(user)
    assert api.post(DECIDE, lot_use()).status_code == 200
    Membership.objects.filter(user=user).update(role="auditor")  # the read-only auditor may not ask for decisions
    assert _until(lambda: api.post(DECIDE, lot_use()).status_code == 403)


def test_writing_a_tokens_last_use_does_not_make_every_process_forget(make_user, api_as, listening):
    api = api_as(make_user("frontline", "ACS"))
    assert api.post(DECIDE, lot_use()).status_code == 200  # reads the token and writes its last use
    epoch = token_cache.for_connection(connection).epoch
    APIToken.objects.update(last_used_at=timezone.now())
    time.sleep(0.5)  # a notification, had one been sent, would have arrived
    assert token_cache.for_connection(connection).epoch == epoch
    assert _token_reads(api) == (200, 0)


def test_what_one_request_sets_on_its_user_stays_with_that_request(make_user, listening):
    user = make_user("frontline", "ACS")
    raw = token_create(actor=user, name="copies")[1]
    first = token_user(raw)
    first.first_name = "set by one request"
    getattr(first, KEPT_ON_USER).clear()
    with CaptureQueriesContext(connection) as ctx:
        second = token_user(raw)
    assert not any("accounts_apitoken" in q["sql"] for q in ctx.captured_queries)  # the remembered user
    assert second.first_name == user.first_name and [m.agency.code for m in getattr(second, KEPT_ON_USER)] == ["ACS"]
    assert second.pk == user.pk and second._state is not first._state and not second._state.adding


class _Listener:
    ready, epoch = True, 7


@pytest.mark.parametrize(
    ("ready", "epoch", "until", "used"),
    [
        (True, 7, 60.0, True),
        (True, 8, 60.0, False),  # remembered before a change
        (False, 7, 60.0, False),  # the listener is away: changes may be unheard
        (True, 7, -1.0, False),  # kept its minute (or the token expired)
    ],
)
def test_a_remembered_read_is_used_only_while_nothing_may_have_changed(ready, epoch, until, used):
    listener = _Listener()
    cache = token_cache.TokenCache(listener)  # type: ignore[arg-type]
    cache.put("digest", 7, "a user", time.monotonic() + until)
    listener.ready, listener.epoch = ready, epoch
    assert (cache.get("digest") is not None) is used
