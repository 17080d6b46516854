"""The board's table body, drawn in Python (issue 14).

204 offices × 23 duties is about 4,700 cells; Django's template loop and lookups cost some 100 µs a cell, most of
the page. The markup is the same the template drew: each distinct cell (state and count) is escaped once and shared.
"""

import functools
import html

from django import template
from django.template.defaultfilters import date
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from eo13.clock import today
from eo13.law.obligations import BY_KEY
from eo13.obligations.board_counts import Cell
from eo13.obligations.chart import Chart
from eo13.obligations.models import Obligation
from eo13.obligations.selectors import Board, late_text

register = template.Library()

EMPTY = '<td class="eo13-ob-cell">—</td>'


def _cell(cell: Cell) -> str:
    more = f" ×{cell.count}" if cell.count > 1 else ""
    return format_html('<td class="eo13-ob-cell eo13-ob-cell--{}">{}{}</td>', cell.state, cell.text, more)


@register.simple_tag
def board_rows(board: Board) -> SafeString:
    """One ``<tr>`` per office: its code linking to its duties, then one cell per duty column."""
    workspace = escape(reverse("obligations:workspace"))
    # By identity: the selector shares one Cell per (state, count), and hashing a dataclass costs more than drawing.
    drawn: dict[int, str] = {id(None): EMPTY}
    out: list[str] = []
    for row in board.rows:
        for cell in row.cells:
            if id(cell) not in drawn:
                drawn[id(cell)] = _cell(cell)  # type: ignore[arg-type]  # None is drawn above
        # Django's escape is the standard library's html.escape; called directly, it skips the lazy-text wrapper
        # that costs more than the escaping on 204 rows.
        code = html.escape(row.code)
        out.append(f'<tr><th scope="row"><a href="{workspace}?agency={code}">{code}</a></th>')
        out.extend([drawn[id(cell)] for cell in row.cells])
        out.append("</tr>")
    # Safe: the office codes escaped above; every cell went through format_html or is a constant.
    return mark_safe("".join(out))


@register.simple_tag
def board_head(board: Board) -> SafeString:
    """The column headings: the duty's section, with its title for screen readers and on hover."""
    return _head(tuple(board.keys))


@functools.lru_cache(maxsize=64)
def _head(keys: tuple[str, ...]) -> SafeString:
    # The catalogue is fixed in code, so the headings for one set of keys never change while the process runs.
    return mark_safe(  # Safe: every value escaped by format_html
        "".join(
            format_html(
                '<th scope="col" title="{}"><abbr title="{}">{}</abbr><span class="eo13-ob-colkey">{}</span></th>',
                BY_KEY[k].title,
                BY_KEY[k].title,
                BY_KEY[k].section,
                BY_KEY[k].title,
            )
            for k in keys
        )
    )


def _e(value: object) -> str:
    """Django's ``escape`` without its lazy-text wrapper: the same ``html.escape(str(value))``, for the plain strings
    and numbers below, at a third of the cost (issue 14: some 800 values a page)."""
    return html.escape(str(value))


_MARK = 987654321  # no other part of a duty's address has this run of digits


@register.simple_tag
def late_items(rows: list[Obligation]) -> SafeString:
    """The page of late duties: office and duty linking to the duty, its section, due date and how late it is."""
    if not rows:
        return mark_safe("<li>No office is late.</li>")  # Safe: a constant
    on = today()
    # One reverse() for the page, not one a row: the duty's address with a marker where its number goes.
    detail = reverse("obligations:detail", args=[_MARK])
    return mark_safe(  # Safe: every value escaped by _e
        "".join(
            f'<li><a href="{_e(detail.replace(str(_MARK), str(o.pk)))}">{_e(o.agency.code)}: {_e(o.title)}</a>'
            f' <span class="eo13-ob-meta">{_e(o.section)}, due {_e(date(o.due, "M j, Y"))} · {_e(late_text(o, on))}'
            "</span></li>"
            for o in rows
        )
    )


@register.simple_tag
def progress_svg(svg: Chart) -> SafeString:
    """The chart's grid, axes and bars (the same markup the template drew, at a tenth of its cost). Numbers are
    written as Python writes them, as the template did for these plain ints and floats."""
    left, right, bottom = svg.plot_left, svg.plot_right, svg.plot_bottom
    out: list[str] = [
        f'<line class="eo13-ob-grid" x1="{_e(left)}" x2="{_e(right)}" y1="{_e(t.y)}" y2="{_e(t.y)}"/>'
        f'<text class="eo13-ob-axis" x="{_e(left - 6)}" y="{_e(t.y)}" text-anchor="end" dominant-baseline="middle">'
        f"{_e(t.text)}</text>"
        for t in svg.ticks
    ]
    out.append(
        f'\n  <line class="eo13-ob-axisline" x1="{left}" x2="{left}" y1="{svg.ticks[4].y}" y2="{bottom}"/>'
        f'\n  <line class="eo13-ob-axisline" x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}"/>\n  '
    )
    for i, b in enumerate(svg.bars):
        out.append(
            f'<rect class="eo13-ob-bar" x="{_e(b.x)}" y="{_e(b.y)}" width="20" height="{_e(b.height)}">'
            f"<title>{_e(b.text)}</title></rect>"
            f'<text class="eo13-ob-axis" x="{_e(b.label_x)}" y="{_e(bottom + 14)}" text-anchor="middle">'
            f"{_e(b.month[5:])}</text>"
        )
        if i == 0 or b.month[5:] == "01":
            out.append(
                f'<text class="eo13-ob-axis" x="{_e(b.label_x)}" y="{_e(bottom + 28)}" text-anchor="middle">'
                f"{_e(b.month[:4])}</text>"
            )
    # Safe: every value escaped by _e, or numbers only.
    return mark_safe("".join(out))


@register.simple_tag
def progress_rows(chart: list[tuple[str, int, int, int]]) -> SafeString:
    """The chart's figures as table rows."""
    return mark_safe(  # Safe: every value escaped by _e
        "".join(
            f"<tr><td>{_e(month)}</td><td>{_e(done)}</td><td>{_e(total)}</td><td>{_e(pct)}%</td></tr>"
            for month, done, total, pct in chart
        )
    )
