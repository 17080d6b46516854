"""After a change, the board counts again only the offices the change touched (issue 14, board_cache and the
triggers of obligations/migrations/0006).

These tests commit for real, as web requests do. Each change below is made, then the board as kept and brought up to
date must equal the board counted from scratch (inside a transaction nothing is kept, so that is a plain count).
"""

import datetime as dt
import threading
from collections.abc import Callable

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from eo13.agencies.models import Agency
from eo13.clock import today
from eo13.obligations import selectors
from eo13.obligations.models import BoardChange, BoardVersion, Obligation, ObligationEvent, Status

pytestmark = pytest.mark.django_db(transaction=True)
VIEWS = [{}, {"state": "overdue"}, {"kind": "mayoral_agency"}, {"section": "EO 13 §2"}]


def _shown(user, **view) -> tuple:
    b = selectors.board(user, **view)
    return b.keys, b.rows, b.totals, b.progress


def _counted(user, **view) -> tuple:
    with transaction.atomic():  # nothing kept is used inside a transaction
        return _shown(user, **view)


def _duty(code: str) -> Obligation:
    return Obligation.objects.filter(agency__code=code).order_by("pk").first()


def _status(code: str = "ACS") -> None:
    Obligation.objects.filter(pk=_duty(code).pk).update(status=Status.SUBMITTED)


def _late(code: str = "NYPD") -> None:
    Obligation.objects.filter(pk=_duty(code).pk).update(status=Status.OPEN, due=today() - dt.timedelta(days=3))


def _done() -> None:
    Obligation.objects.filter(pk=_duty("HHC").pk).update(status=Status.ACCEPTED, completed_on=today())


def _moved() -> None:  # a duty filed under the wrong office, moved: both offices change
    Obligation.objects.filter(pk=_duty("DOE").pk).update(agency=Agency.objects.get(code="ACS"))


def _new() -> None:
    o = _duty("DCAS")
    Obligation.objects.create(
        key=o.key, section=o.section, title=o.title, agency=o.agency, due=o.due, event=o.event, dedupe_key="changes|1"
    )


def _emptied() -> None:  # an office with no duty left leaves the board
    Obligation.objects.filter(agency__code="HRA").delete()


def _event_moved() -> None:  # the progress chart reads events' dates: everything is counted again
    ObligationEvent.objects.filter(event="order-issued").update(on=dt.date(2026, 2, 1))


def _kind() -> None:
    Agency.objects.filter(code="NYPD").update(kind="mayoral_office")


def _renamed() -> None:
    Agency.objects.filter(code="DOE").update(code="DOEX")


def _three_offices_at_once() -> None:
    with transaction.atomic():
        for code in ("ACS", "ACS", "NYPD", "HHC"):
            Obligation.objects.filter(pk=_duty(code).pk).update(status=Status.RETURNED)


CHANGES: list[Callable[[], None]] = [
    _status,
    _late,
    _done,
    _moved,
    _new,
    _emptied,
    _event_moved,
    _kind,
    _renamed,
    _three_offices_at_once,
]


def test_after_each_kind_of_change_the_board_equals_a_fresh_count(board_hall):
    for view in VIEWS:
        assert _shown(board_hall, **view) == _counted(board_hall, **view)
    for change in CHANGES:
        change()
        for view in VIEWS:
            assert _shown(board_hall, **view) == _counted(board_hall, **view), (change.__name__, view)
    assert "HRA" not in [r.code for r in selectors.board(board_hall).rows]
    assert "DOEX" in [r.code for r in selectors.board(board_hall).rows]


def _counting(user) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        selectors.board(user)
    return [q["sql"] for q in ctx.captured_queries if "COUNT(" in q["sql"]]


def test_a_change_to_one_office_counts_only_that_office(board_hall):
    selectors.board(board_hall)
    acs = Agency.objects.get(code="ACS").pk
    _status("ACS")
    counting = _counting(board_hall)
    assert counting, "the change was not counted"
    # Every counting query is limited to the one office changed.
    assert all(f'"agency_id" IN ({acs})' in sql for sql in counting), counting
    assert not _counting(board_hall)  # and then it is kept again


def test_a_duty_moved_between_offices_counts_both(board_hall):
    selectors.board(board_hall)
    doe, acs = (Agency.objects.get(code=c).pk for c in ("DOE", "ACS"))
    _moved()
    counting = _counting(board_hall)
    assert counting and all(f'"agency_id" IN ({min(doe, acs)}, {max(doe, acs)})' in sql for sql in counting)


def _counts_everything(user) -> bool:
    counting = _counting(user)
    return bool(counting) and not any('"agency_id" IN (' in sql for sql in counting)


def test_an_event_change_counts_every_office(board_hall):
    selectors.board(board_hall)
    _event_moved()
    assert _counts_everything(board_hall)


@pytest.mark.parametrize(
    "lost",
    [
        pytest.param(lambda: BoardChange.objects.all().delete(), id="change rows dropped"),
        # As a database restored from a backup: the number kept is there, but another commit made it.
        pytest.param(lambda: BoardChange.objects.update(token="another timeline"), id="restored database"),
    ],
)
def test_kept_parts_this_database_cannot_vouch_for_are_counted_again(board_hall, lost):
    before = _counted(board_hall)
    selectors.board(board_hall)
    _status("ACS")
    lost()
    assert _counts_everything(board_hall)
    assert _shown(board_hall) != before and _shown(board_hall) == _counted(board_hall)


def test_one_commit_notes_each_office_it_touched(board_hall):
    seq = BoardVersion.objects.get().seq
    ids = {Agency.objects.get(code=c).pk for c in ("ACS", "NYPD", "HHC")}
    _three_offices_at_once()
    notes = list(BoardChange.objects.filter(seq__gt=seq).values_list("seq", "agency_id"))
    assert {office for _, office in notes} == ids
    if connection.vendor == "postgresql":  # one number for the whole commit, each office once
        assert len(notes) == 3 and len({s for s, _ in notes}) == 1
    else:  # SQLite: each row is its own change
        assert len(notes) == 4
    assert BoardVersion.objects.get().seq == max(s for s, _ in notes)


def test_old_change_rows_are_dropped(board_hall):
    # Number 9,999 made by hand: the next commit is a multiple of 500 and drops what is 5,000 or more behind it.
    BoardVersion.objects.update(seq=9_999)
    BoardChange.objects.bulk_create(BoardChange(seq=s, token="old", agency_id=None) for s in (4_000, 5_000, 5_001))
    _status("ACS")
    assert sorted(BoardChange.objects.filter(token="old").values_list("seq", flat=True)) == [5_001]
    assert BoardChange.objects.filter(seq=10_000).exists()


def test_on_a_new_day_duties_that_fell_due_turn_late_without_counting_everything(board_hall):
    o = _duty("ACS")
    Obligation.objects.filter(pk=o.pk).update(status=Status.OPEN, due=today() + dt.timedelta(days=2))
    before = _shown(board_hall)
    row = next(r for r in before[1] if r.code == "ACS")
    assert row.cells[before[0].index(o.key)].state != "overdue"
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=5), tick=True):
        counting = _counting(board_hall)
        acs = Agency.objects.get(code="ACS").pk
        assert counting and all('"agency_id" IN (' in sql and str(acs) in sql for sql in counting), counting
        after = _shown(board_hall)
        assert after == _counted(board_hall)
        row = next(r for r in after[1] if r.code == "ACS")
        assert row.cells[after[0].index(o.key)].state == "overdue"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers: PostgreSQL, the production database")
def test_concurrent_commits_to_many_offices_leave_the_board_equal_to_a_fresh_count(board_hall):
    """Four writers commit changes to offices in overlapping order while the board is viewed: every change shows,
    and no commit deadlocks on the version row (it is taken once a commit, after every other lock)."""
    selectors.board(board_hall)
    codes = list(Agency.objects.filter(obligations__isnull=False).distinct().order_by("code")[:8])
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(6):
                # Three offices, overlapping other writers', each transaction taking them in one order (by code), so
                # the writers' own row locks cannot wait on each other in a circle: only the trigger could.
                start = (n + i) % len(codes)
                offices = sorted((codes[start:] + codes[:start])[:3], key=lambda a: a.code)
                with transaction.atomic():
                    for office in offices:
                        duty = Obligation.objects.filter(agency=office).order_by("pk").first()
                        status = [Status.OPEN, Status.SUBMITTED, Status.RETURNED][(n + i) % 3]
                        Obligation.objects.filter(pk=duty.pk).update(status=status)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        selectors.board(board_hall)  # views in between keep parts counted at every stage
    for t in threads:
        t.join(60)
    assert not errors, errors
    assert _shown(board_hall) == _counted(board_hall)


def test_a_version_row_made_anew_drops_the_notes_of_the_old_numbering(board_hall):
    selectors.board(board_hall)
    BoardChange.objects.bulk_create(BoardChange(seq=s, token="old", agency_id=None) for s in (50, 51))
    BoardVersion.objects.all().delete()  # as emptying the tables does
    _status("ACS")
    assert BoardVersion.objects.get().seq == 1
    assert list(BoardChange.objects.values_list("seq", flat=True).distinct()) == [1]
    # The old notes (one says "everything") no longer make each view count every office.
    selectors.board(board_hall)
    _status("NYPD")
    assert not _counts_everything(board_hall)


def test_a_process_keeps_its_own_copy_when_the_shared_cache_is_emptied(board_hall):
    selectors.board(board_hall)
    cache.clear()  # Redis emptied, or another process's view: this process still has its tally, checked as any
    _status("ACS")
    counting = _counting(board_hall)
    acs = Agency.objects.get(code="ACS").pk
    assert counting and all(f'"agency_id" IN ({acs})' in sql for sql in counting), counting
    assert _shown(board_hall) == _counted(board_hall)
