"""The board's counts come from the database in two grouped queries (issue 14). Whatever the mix of copies, states
and due dates, they must say what a plain reading of every duty says: each cell the most pressing state of the
office's copies and how many there are, the totals by status with the late ones apart, the "offices with" filter,
the late list, and the progress by month."""

import datetime as dt
import random
from collections import defaultdict

import pytest

from eo13.agencies.models import Agency
from eo13.clock import today
from eo13.obligations import board_counts, selectors
from eo13.obligations.models import Obligation, ObligationEvent, Status

STATUSES = [Status.OPEN, Status.RETURNED, Status.SUBMITTED, Status.ACCEPTED, Status.SUPERSEDED]


def _plain_state(o: Obligation, on: dt.date) -> str:
    return "overdue" if selectors.due_state(o, on) == "overdue" else o.status


@pytest.fixture
def mixed(order_issued, make_user):
    """Extra fictional copies of the order's duties in every status, some late, some with no due date."""
    rng = random.Random(14)
    now = today()
    later = ObligationEvent.objects.create(
        event="policy-changed", on=now - dt.timedelta(days=400), dedupe_key="fold|later", recorded_by="test"
    )
    originals = list(Obligation.objects.filter(agency__code__in=["ACS", "NYPD", "HHC", "DOE"]))
    extra = []
    for i, o in enumerate(originals * 3):
        status = rng.choice(STATUSES)
        due = rng.choice(
            [None, now - dt.timedelta(days=rng.randint(1, 300)), now + dt.timedelta(days=rng.randint(0, 30))]
        )
        extra.append(
            Obligation(
                key=o.key,
                section=o.section,
                title=o.title,
                agency=o.agency,
                due=due,
                event=later if i % 2 else o.event,
                status=status,
                dedupe_key=f"fold|{i}",
                completed_on=now - dt.timedelta(days=rng.randint(0, 350)) if status == Status.ACCEPTED else None,
            )
        )
    Obligation.objects.bulk_create(extra)
    return make_user("city_hall", "CITYHALL")


def _expected(on: dt.date, rows: list[Obligation]):
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    totals: dict[str, int] = defaultdict(int)
    for o in rows:
        st = _plain_state(o, on)
        cells[(o.agency.code, o.key)].append(st)
        totals[st] += 1
    return cells, dict(totals)


@pytest.mark.parametrize("state", [None, "overdue", Status.RETURNED, Status.OPEN, Status.SUBMITTED, Status.ACCEPTED])
def test_every_cell_and_total_matches_a_plain_reading(mixed, state):
    on = today()
    everything = list(Obligation.objects.select_related("agency"))
    cells, totals = _expected(on, everything)
    b = selectors.board(mixed, state=state)
    assert b.totals == totals
    seen = set()
    for row in b.rows:
        for key, cell in zip(b.keys, row.cells, strict=True):
            copies = cells.get((row.code, key))
            if copies is None:
                assert cell is None
                continue
            worst = min(copies, key=lambda st: board_counts.RANK[st])
            assert (cell.state, cell.count, cell.text) == (worst, len(copies), board_counts.CELL_TEXT[worst])
            seen.add(row.code)
    offices = {code for code, _ in cells}
    if state:
        wanted = {
            code
            for code in offices
            if any(min(v, key=lambda s: board_counts.RANK[s]) == state for (c, _), v in cells.items() if c == code)
        }
        assert {r.code for r in b.rows} == wanted
    else:
        assert seen == offices
    assert b.overdue.count() == totals.get("overdue", 0)


def test_filters_by_section_and_kind_match_a_plain_reading(mixed):
    on = today()
    for kwargs, rows in [
        ({"section": "EO 13 §6"}, Obligation.objects.filter(section__startswith="EO 13 §6")),
        ({"kind": "public_benefit_corporation"}, Obligation.objects.filter(agency__kind="public_benefit_corporation")),
    ]:
        _, totals = _expected(on, list(rows.select_related("agency")))
        b = selectors.board(mixed, **kwargs)
        assert b.totals == totals
        assert {r.code for r in b.rows} == set(rows.values_list("agency__code", flat=True))


def test_progress_counts_each_duty_by_its_event_and_completion_month(mixed):
    on = today()
    made: dict[str, int] = defaultdict(int)
    done: dict[str, int] = defaultdict(int)
    for o in Obligation.objects.select_related("event"):
        made[o.event.on.strftime("%Y-%m")] += 1
        if o.completed_on:
            done[o.completed_on.strftime("%Y-%m")] += 1
    series = selectors.board(mixed).progress
    total = accepted = 0
    for month, got_done, got_total in series:
        total += made.pop(month, 0)
        accepted += done.pop(month, 0)
        assert (got_done, got_total) == (accepted, total), month
    assert not made and not done  # every month is on the chart
    assert series[-1][0] == on.strftime("%Y-%m")


def test_the_late_list_pages_without_counting_again(mixed, login, django_assert_max_num_queries):
    c = login(mixed)
    late = Obligation.objects.filter(status__in=[Status.OPEN, Status.RETURNED], due__lt=today()).count()
    html = c.get("/staff/obligations/board/").content.decode()
    assert f"of {late}." in html  # the pager's "Showing 1–25 of N." from the board's own total
    # A search narrows the list, so the pager counts what it found.
    code = Agency.objects.get(code="ACS").code
    acs_late = Obligation.objects.filter(status__in=[Status.OPEN, Status.RETURNED], due__lt=today(), agency__code=code)
    html = c.get("/staff/obligations/board/?q=ACS").content.decode()
    n = acs_late.count()
    assert (f"of {n}." in html) if n > 25 else (html.count("ACS: ") >= min(n, 25))


def test_each_late_duty_links_to_its_own_page(mixed, login):
    """The late list writes every link from one address pattern (issue 14); each must still lead to its own duty."""
    import re

    from django.urls import reverse

    html = login(mixed).get("/staff/obligations/board/").content.decode()
    listed = html[html.index('class="usa-list eo13-ob-overdue"') :]
    links = re.findall(r'<li><a href="([^"]+)">([A-Z0-9-]+): ([^<]+)</a>', listed)
    assert len(links) == 25
    for href, code, title in links:
        duty = Obligation.objects.get(pk=int(href.rstrip("/").rsplit("/", 1)[1]))
        assert href == reverse("obligations:detail", args=[duty.pk])
        assert (duty.agency.code, duty.title) == (code, title.replace("&#x27;", "'").replace("&amp;", "&"))
        assert duty.status in (Status.OPEN, Status.RETURNED) and duty.due < today()
