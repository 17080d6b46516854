"""Shared fixtures: users per role and agency, signed-in web and API clients."""

import datetime as dt
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client
from hypothesis import HealthCheck, settings

from eo13.accounts.models import Membership, Role, User
from eo13.accounts.tokens import token_create
from eo13.agencies.models import Agency
from tests.oidc_provider import city_sign_in, oidc_provider, other_oidc_provider  # noqa: F401  (fixtures)

PASSWORD = "correct-horse-battery-staple-42"

# Hypothesis on a slow, shared machine (issue 9): no deadline, no health check that measures speed or how much data
# a strategy draws, and the same examples on every run, so a loaded CI box cannot fail a test that is correct.
# Tests that set their own max_examples keep it; everything else inherits these.
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
settings.register_profile("dev", parent=settings.get_profile("ci"), derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# EO13_TEST_TODAY=YYYY-MM-DD runs the whole session on that day (10:00 in New York, the clock ticking on), so the
# suite shows it does not depend on the real date (issue 11: CI runs it at 2027-06-01 and at 2031-01-01). The
# destination is given in UTC so time-machine moves the clock only, not the process's time zone.
_SESSION_TRAVEL: Any = None
# Tests that talk to a process with its own real clock (the Node OIDC provider's token times, the fault tests'
# servers) cannot share a moved clock: they are marked real_clock, and the travel stops for them.
REAL_CLOCK_FIXTURES = {"oidc_provider", "other_oidc_provider", "city_sign_in"}


def pytest_configure(config: Any) -> None:
    global _SESSION_TRAVEL
    config.addinivalue_line("markers", "real_clock: runs on the real clock even when EO13_TEST_TODAY moves it")
    day = os.environ.get("EO13_TEST_TODAY")
    if day and _SESSION_TRAVEL is None:
        from eo13.clock import NEW_YORK

        at = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(10), tzinfo=NEW_YORK).astimezone(dt.UTC)
        _SESSION_TRAVEL = time_machine.travel(at, tick=True)
        _SESSION_TRAVEL.start()


def pytest_unconfigure(config: Any) -> None:
    global _SESSION_TRAVEL
    if _SESSION_TRAVEL is not None:
        _SESSION_TRAVEL.stop()
        _SESSION_TRAVEL = None


def pytest_report_header(config: Any) -> str | None:
    day = os.environ.get("EO13_TEST_TODAY")
    return f"EO13_TEST_TODAY={day}: the clock is moved for the whole session" if day else None


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    for item in items:
        path = str(item.fspath).replace(os.sep, "/")
        if REAL_CLOCK_FIXTURES & set(getattr(item, "fixturenames", ())) or "/tests/faults/" in path:
            item.add_marker(pytest.mark.real_clock)


@pytest.fixture(autouse=True)
def _real_clock(request: Any) -> Iterator[None]:
    """Stops the session's travel for a test marked real_clock, and starts it again after."""
    if _SESSION_TRAVEL is None or request.node.get_closest_marker("real_clock") is None:
        yield
        return
    _SESSION_TRAVEL.stop()
    try:
        yield
    finally:
        _SESSION_TRAVEL.start()


@pytest.fixture(autouse=True)
def _second_factor_off(settings: Any) -> None:
    """Most tests are about something else than the second factor and sign users in directly; the tests of the
    second factor (tests/accounts/test_second_factor.py, the City sign-in browser test) turn it back on."""
    settings.EO13_MFA_REQUIRED = False


@pytest.fixture(autouse=True)
def _token_cache_off(settings: Any) -> None:
    """Tests mostly run inside a transaction, where remembered tokens are never used anyway; the others would leave
    a listening connection open on the test database. tests/accounts/test_token_cache.py turns it on and stops it."""
    settings.EO13_TOKEN_CACHE = False


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Sign-in throttles and API rate limits live in the cache: one test's failed tries must not throttle the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings: Any, tmp_path_factory: Any) -> None:
    """Uploaded files go to this run's temporary folder, never into the real var/media (issue 11)."""
    media = tmp_path_factory.getbasetemp() / "media"
    default = {**settings.STORAGES["default"], "OPTIONS": {"location": str(media)}}
    settings.STORAGES = {**settings.STORAGES, "default": default}


def _is_transactional(request: Any) -> bool:
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(request.fixturenames))


@pytest.fixture(autouse=True)
def _audit_guards(request: Any) -> Any:
    """Tests that commit for real end with a database flush, which deletes audit entries. The append-only
    triggers would refuse that, so they come off for the flush and go back on before the next such test.
    The flush also empties reference data that migrations loaded; it is loaded again first."""
    if not _is_transactional(request):
        yield
        return
    request.getfixturevalue("transactional_db")
    from django.db import connection

    from eo13.audit.guards import guards_off, guards_on
    from eo13.web.reference import reload_reference_data

    reload_reference_data()
    guards_on(connection)
    yield
    guards_off(connection)


@pytest.fixture
def make_user(db: Any) -> Callable[..., User]:
    """make_user("agency_lead", "ACS") -> a user with that one membership."""
    counter = {"n": 0}

    def _make(role: str, agency: str = "ACS", *, username: str | None = None, is_chair: bool = False) -> User:
        counter["n"] += 1
        name = username or f"test-{role}-{agency.lower()}-{counter['n']}"
        user = User.objects.create_user(username=name, password=PASSWORD, email=f"{name}@example.nyc.test")
        Membership.objects.create(user=user, agency=Agency.objects.get(code=agency), role=Role(role), is_chair=is_chair)
        return user

    return _make


@pytest.fixture
def login(client: Client) -> Callable[[User], Client]:
    def _login(user: User) -> Client:
        c = Client()
        c.force_login(user)
        return c

    return _login


class APIClient:
    """A Django test client that sends a Bearer token and JSON."""

    def __init__(self, raw_token: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {raw_token}"} if raw_token else {}

    def get(self, path: str, **kw: Any) -> Any:
        return self.client.get(path, headers=self.headers, **kw)

    def delete(self, path: str, **kw: Any) -> Any:
        return self.client.delete(path, headers=self.headers, **kw)

    def _send(self, method: str, path: str, data: Any) -> Any:
        import json

        body = data if isinstance(data, str | bytes) else json.dumps(data)
        return getattr(self.client, method)(path, data=body, content_type="application/json", headers=self.headers)

    def post(self, path: str, data: Any = None) -> Any:
        return self._send("post", path, data if data is not None else {})

    def patch(self, path: str, data: Any = None) -> Any:
        return self._send("patch", path, data if data is not None else {})

    def put(self, path: str, data: Any = None) -> Any:
        return self._send("put", path, data if data is not None else {})


@pytest.fixture
def api_as(db: Any) -> Callable[[User | None], APIClient]:
    """api_as(user) -> API client authenticated by a personal token; api_as(None) -> anonymous."""

    def _as(user: User | None) -> APIClient:
        if user is None:
            return APIClient(None)
        _, raw = token_create(actor=user, name="test")
        return APIClient(raw)

    return _as


def pdf_via_worker(client: Client, url: str) -> Any:
    """Ask for a PDF report as a person does (issue 13): the page sends them to "being made", the task worker makes
    it, the page then says it is ready, and the download is the PDF. Returns the download response."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    asked = client.get(url)
    assert asked.status_code == 302 and asked["Location"].startswith("/staff/pdf/"), asked
    job = asked["Location"]
    assert "Your PDF is being made" in client.get(job).content.decode()
    # The worker's own run_task, without its loop: the loop closes database connections between tasks, which on
    # PostgreSQL would close the test's own transaction.
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    for task in DBTaskResult.objects.ready():
        task.claim(worker.worker_id)
        worker.run_task(task)
    assert "Your PDF is ready" in client.get(job).content.decode()
    return client.get(job + "file/")


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in English: a test that renders in Urdu must not leave the next one speaking Urdu."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()
