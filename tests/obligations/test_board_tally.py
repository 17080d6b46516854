"""A tally moved by the differences of the offices counted again must equal one added up from scratch (issue 14:
the board after a change adjusts its sums instead of adding up every office)."""

from hypothesis import given
from hypothesis import strategies as st

from eo13.law.obligations import CATALOGUE
from eo13.obligations.board_counts import OfficePart, Tally, _cell

MONTHS = st.sampled_from(["2026-01", "2026-02", "2026-03", "2027-06"])
CELLS = st.one_of(st.none(), st.builds(_cell, st.integers(0, 5), st.integers(1, 4)))
STATUSES = st.sampled_from(["open", "returned", "submitted", "accepted"])


@st.composite
def parts(draw) -> OfficePart:
    totals = draw(st.dictionaries(STATUSES, st.integers(1, 5)))
    return OfficePart(
        row=tuple(draw(st.lists(CELLS, min_size=len(CATALOGUE), max_size=len(CATALOGUE)))),
        totals={s: (n, draw(st.integers(0, n))) for s, n in totals.items()},
        started=draw(st.dictionaries(MONTHS, st.integers(1, 9))),
        done=draw(st.dictionaries(MONTHS, st.integers(1, 9))),
    )


OFFICES = st.dictionaries(st.integers(1, 6), parts(), max_size=6)


@given(before=OFFICES, fresh=OFFICES, recounted=st.sets(st.integers(1, 6)))
def test_a_moved_tally_equals_one_added_up_again(before, fresh, recounted):
    fresh = {o: p for o, p in fresh.items() if o in recounted}  # only offices counted again come back
    tally = Tally.of(before)
    tally.replace(fresh, recounted)
    after = {o: p for o, p in before.items() if o not in recounted} | fresh
    again = Tally.of(after)
    assert tally == again
    # Nothing left at zero: an emptied month must not start the progress chart.
    for counter in (tally.copies, tally.late, tally.started, tally.done, tally.offering):
        assert all(counter.values())
