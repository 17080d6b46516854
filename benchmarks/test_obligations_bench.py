"""`make bench`: the City Hall board and an agency workspace with 204 offices (the City's count), 60 duties each over
the catalogue's real keys and three years of history (issue 4, issue 14). Fictional offices BENCH001…BENCH204.

The board page is measured beside its limit on the same run: the one raw SQL query that counts every office's
duties by key and status, with the late ones (issue 14: the page at most 2× that query)."""

import datetime as dt
import random

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from eo13.accounts.models import Membership, Role, User
from eo13.agencies.models import Agency
from eo13.clock import today
from eo13.law.obligations import CATALOGUE
from eo13.obligations import selectors
from eo13.obligations.models import OPEN_STATUSES, Obligation, ObligationAction, ObligationEvent, Status

OFFICES, DUTIES, MONTHS = 204, 60, 36
pytestmark = [pytest.mark.bench, pytest.mark.django_db]


def _history() -> dict[str, object]:
    rng = random.Random(13)  # noqa: S311 (repeatable fictional data, not security)
    today = timezone.localdate()
    start = today - dt.timedelta(days=3 * 365)
    agencies = Agency.objects.bulk_create(
        Agency(code=f"BENCH{i:03d}", name=f"Bench Office {i}", kind="mayoral_agency") for i in range(1, OFFICES + 1)
    )
    agencies = list(Agency.objects.filter(code__startswith="BENCH").order_by("code"))
    events = ObligationEvent.objects.bulk_create(
        ObligationEvent(
            event="policy-changed", on=start + dt.timedelta(days=30 * m), dedupe_key=f"bench|{m}", recorded_by="bench"
        )
        for m in range(MONTHS)
    )
    rows = []
    for a in agencies:
        for d in range(DUTIES):
            ev = events[(d * 7 + a.pk) % MONTHS]
            due = ev.on + dt.timedelta(days=rng.choice([14, 30, 60, 90]))
            status = rng.choices(
                [Status.ACCEPTED, Status.OPEN, Status.SUBMITTED, Status.RETURNED], weights=[6, 2, 1, 1]
            )[0]
            rows.append(
                Obligation(
                    # The catalogue's real keys, so the board draws its duty columns (issue 14).
                    key=CATALOGUE[d % len(CATALOGUE)].key,
                    section=CATALOGUE[d % len(CATALOGUE)].section,
                    title=f"Bench duty {d}",
                    agency=a,
                    due=due,
                    event=ev,
                    status=status,
                    dedupe_key=f"bench|{a.code}|{d}",
                    completed_on=min(due, today) if status == Status.ACCEPTED else None,
                )
            )
    obligations = Obligation.objects.bulk_create(rows, batch_size=2000)
    now = timezone.now()
    ObligationAction.objects.bulk_create(
        (
            ObligationAction(
                obligation=o,
                at=now - dt.timedelta(days=rng.randint(0, 3 * 365)),
                actor_name="bench",
                action=step,
                to_status=step,
            )
            for o in obligations
            for step in ("created", "submitted", "returned", "submitted", "accepted")[: rng.randint(1, 5)]
        ),
        batch_size=5000,
    )
    if connection.vendor == "postgresql":
        # PostgreSQL's autovacuum analyses a table after a bulk load like this one; without its statistics the
        # planner guesses a handful of rows and picks plans no running database would (issue 14).
        with connection.cursor() as cursor:
            cursor.execute(
                f"ANALYZE {Obligation._meta.db_table}, {Agency._meta.db_table}, {ObligationEvent._meta.db_table}"
            )
    hall = User.objects.create(username="bench-city-hall")
    Membership.objects.create(user=hall, agency=Agency.objects.get(code="CITYHALL"), role=Role.CITY_HALL)
    lead = User.objects.create(username="bench-lead")
    Membership.objects.create(user=lead, agency=agencies[0], role=Role.AGENCY_LEAD)
    return {"hall": hall, "lead": lead}


@pytest.fixture
def history(db):
    return _history()


def _client(user: User) -> Client:
    c = Client()
    c.force_login(user)
    return c


# The limit: one query, grouped in the database, nothing drawn. Every office, every key, every status, the late count.
# Only constants go into the text (a placeholder per open status, the table's name); values go as parameters.
RAW_SQL = f"""
    SELECT agency_id, key, status, COUNT(*),
           SUM(CASE WHEN status IN ({", ".join(["%s"] * len(OPEN_STATUSES))}) AND due < %s THEN 1 ELSE 0 END)
    FROM {Obligation._meta.db_table}
    GROUP BY agency_id, key, status
"""  # noqa: S608


def _raw_board() -> list[tuple[object, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(RAW_SQL, [*OPEN_STATUSES, today()])
        return cursor.fetchall()


def test_board_raw_sql(benchmark, history, medians):
    rows = benchmark.pedantic(_raw_board, rounds=10, iterations=1, warmup_rounds=1)
    medians("board raw SQL", benchmark)
    assert sum(r[3] for r in rows) == Obligation.objects.count()


def test_board_selector(benchmark, history, medians):
    b = benchmark.pedantic(lambda: selectors.board(history["hall"]), rounds=10, iterations=1, warmup_rounds=1)
    medians("board selector", benchmark)
    assert len(b.rows) >= OFFICES and len(b.keys) == len(CATALOGUE)


# The page commits as a web request does, so it keeps its counts until a duty changes (eo13.obligations.board_cache).
@pytest.mark.django_db(transaction=True)
def test_board_page(benchmark, history, medians):
    c = _client(history["hall"])
    response = benchmark.pedantic(lambda: c.get("/staff/obligations/board/"), rounds=10, iterations=1, warmup_rounds=1)
    medians("board page", benchmark)
    assert response.status_code == 200
    assert Obligation.objects.count() >= OFFICES * DUTIES
    assert response.content.count(b'<tr><th scope="row">') >= OFFICES
    # The duty columns are drawn: one cell per office and catalogue duty.
    assert response.content.count(b'<td class="eo13-ob-cell') >= OFFICES * len(CATALOGUE)


@pytest.mark.django_db(transaction=True)
def test_board_page_after_a_change(benchmark, history, medians):
    """The first view after a duty changed: its office counted again, the rest taken from the cache (board_cache)."""
    c = _client(history["hall"])
    one = Obligation.objects.order_by("pk").values_list("pk", flat=True).first()
    flip = iter(range(1_000_000))

    def change() -> None:  # committed, as a person's change is; the title is all that changes
        Obligation.objects.filter(pk=one).update(title=f"Bench duty, renamed {next(flip)}")

    benchmark.pedantic(lambda: c.get("/staff/obligations/board/"), setup=change, rounds=10, warmup_rounds=1)
    medians("board page, first view after a change", benchmark)


def test_board_filtered_overdue(benchmark, history):
    c = _client(history["hall"])
    response = benchmark.pedantic(lambda: c.get("/staff/obligations/board/?state=overdue"), rounds=5, iterations=1)
    assert response.status_code == 200


def test_agency_workspace(benchmark, history):
    c = _client(history["lead"])
    response = benchmark.pedantic(lambda: c.get("/staff/obligations/"), rounds=10, iterations=1)
    assert response.status_code == 200 and b"BENCH001" in response.content
