"""The board's counts are kept in the cache until a duty, event or office changes (issue 14, board_cache).

These tests commit for real, as a web request does: on PostgreSQL the version token changes only at COMMIT. Every way
a duty can change (a service, a bulk update, a delete, a new duty) must show on the very next view; a second view with
nothing changed must not count again; and inside a transaction nothing is kept.
"""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from eo13.agencies.models import Agency
from eo13.obligations import selectors
from eo13.obligations.models import BoardVersion, Obligation, Status
from eo13.obligations.services import obligation_fulfil

pytestmark = pytest.mark.django_db(transaction=True)


def _cell(user, code: str, key: str) -> tuple[str, int]:
    b = selectors.board(user)
    row = next(r for r in b.rows if r.code == code)
    cell = row.cells[b.keys.index(key)]
    assert cell is not None
    return cell.state, cell.count


def _one(code: str = "ACS") -> Obligation:
    return Obligation.objects.filter(agency__code=code).order_by("pk").first()


def _counting_queries(user) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        selectors.board(user)
    return [q["sql"] for q in ctx.captured_queries]


def test_a_second_view_with_nothing_changed_counts_nothing(board_hall):
    first = _counting_queries(board_hall)
    again = _counting_queries(board_hall)
    assert any("COUNT(" in sql for sql in first)
    assert not any("COUNT(" in sql for sql in again), again
    assert any("obligations_boardversion" in sql for sql in again)
    assert selectors.board(board_hall).rows == selectors.board(board_hall).rows


def test_a_duty_changed_by_a_service_shows_on_the_next_view(board_hall):
    o = _one()
    before = _cell(board_hall, "ACS", o.key)
    assert obligation_fulfil(actor="test", agency=o.agency, key=o.key) is not None  # done, as EO13 saw it happen
    after = _cell(board_hall, "ACS", o.key)
    assert after != before and after[0] == Status.ACCEPTED


def test_bulk_updates_deletes_and_new_duties_show_on_the_next_view(board_hall):
    o = _one()
    selectors.board(board_hall)
    # No signal, no service: the trigger still sees it.
    Obligation.objects.filter(pk=o.pk).update(status=Status.ACCEPTED)
    assert _cell(board_hall, "ACS", o.key)[0] == Status.ACCEPTED
    copies = _cell(board_hall, "ACS", o.key)[1]
    Obligation.objects.create(
        key=o.key, section=o.section, title=o.title, agency=o.agency, due=o.due, event=o.event, dedupe_key="cache|new"
    )
    assert _cell(board_hall, "ACS", o.key)[1] == copies + 1
    Obligation.objects.filter(dedupe_key="cache|new").delete()
    assert _cell(board_hall, "ACS", o.key)[1] == copies


def test_an_office_whose_code_changes_shows_under_its_new_code(board_hall):
    assert "ACS" in [r.code for r in selectors.board(board_hall).rows]
    Agency.objects.filter(code="ACS").update(code="ACSX")  # a fictional renaming
    codes = [r.code for r in selectors.board(board_hall).rows]
    assert "ACSX" in codes and "ACS" not in codes


def test_each_committed_change_gives_a_new_token_and_an_uncommitted_one_none(board_hall):
    token = BoardVersion.objects.get().token
    Obligation.objects.filter(pk=_one().pk).update(title="Fictional duty, renamed")
    changed = BoardVersion.objects.get().token
    assert changed != token
    with pytest.raises(RuntimeError), transaction.atomic():
        Obligation.objects.filter(pk=_one().pk).update(title="Never committed")
        raise RuntimeError("roll back")
    assert BoardVersion.objects.get().token == changed


def test_inside_a_transaction_the_board_is_always_counted(board_hall):
    selectors.board(board_hall)
    with transaction.atomic():
        Obligation.objects.filter(pk=_one().pk).update(status=Status.ACCEPTED)
        # Not committed: on PostgreSQL the token has not changed yet, so nothing kept may be used.
        assert _cell(board_hall, "ACS", _one().key)[0] == Status.ACCEPTED
        assert any("COUNT(" in sql for sql in _counting_queries(board_hall))
