"""The board's table body, drawn in Python (issue 14).

204 offices × 23 duties is about 4,700 cells; Django's template loop and lookups cost some 100 µs a cell, most of
the page. The markup is the same the template drew: each distinct cell (state and count) is escaped once and shared.
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from eo13.obligations.chart import Chart
from eo13.obligations.selectors import Board, Cell

register = template.Library()

EMPTY = '<td class="eo13-ob-cell">—</td>'


def _cell(cell: Cell) -> str:
    more = f" ×{cell.count}" if cell.count > 1 else ""
    return format_html('<td class="eo13-ob-cell eo13-ob-cell--{}">{}{}</td>', cell.state, cell.text, more)


@register.simple_tag
def board_rows(board: Board) -> SafeString:
    """One ``<tr>`` per office: its code linking to its duties, then one cell per duty column."""
    workspace = reverse("obligations:workspace")
    drawn: dict[int, str] = {}  # by identity: the selector shares one Cell per (state, count), hashing costs more
    out: list[str] = []
    for row in board.rows:
        out.append(format_html('<tr><th scope="row"><a href="{}?agency={}">{}</a></th>', workspace, row.code, row.code))
        for cell in row.cells:
            if cell is None:
                out.append(EMPTY)
                continue
            html = drawn.get(id(cell))
            if html is None:
                html = drawn[id(cell)] = _cell(cell)
            out.append(html)
        out.append("</tr>")
    # Safe: every piece above went through format_html or is a constant.
    return mark_safe("".join(out))


@register.simple_tag
def progress_svg(svg: Chart) -> SafeString:
    """The chart's grid, axes and bars (the same markup the template drew, at a tenth of its cost). Numbers are
    written as Python writes them, as the template did for these plain ints and floats."""
    left, right, bottom = svg.plot_left, svg.plot_right, svg.plot_bottom
    out: list[str] = [
        format_html(
            '<line class="eo13-ob-grid" x1="{}" x2="{}" y1="{}" y2="{}"/><text class="eo13-ob-axis" x="{}" y="{}"'
            ' text-anchor="end" dominant-baseline="middle">{}</text>',
            left,
            right,
            t.y,
            t.y,
            left - 6,
            t.y,
            t.text,
        )
        for t in svg.ticks
    ]
    out.append(
        f'\n  <line class="eo13-ob-axisline" x1="{left}" x2="{left}" y1="{svg.ticks[4].y}" y2="{bottom}"/>'
        f'\n  <line class="eo13-ob-axisline" x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}"/>\n  '
    )
    for i, b in enumerate(svg.bars):
        out.append(
            format_html(
                '<rect class="eo13-ob-bar" x="{}" y="{}" width="20" height="{}"><title>{}</title></rect>'
                '<text class="eo13-ob-axis" x="{}" y="{}" text-anchor="middle">{}</text>',
                b.x,
                b.y,
                b.height,
                b.text,
                b.label_x,
                bottom + 14,
                b.month[5:],
            )
        )
        if i == 0 or b.month[5:] == "01":
            out.append(
                format_html(
                    '<text class="eo13-ob-axis" x="{}" y="{}" text-anchor="middle">{}</text>',
                    b.label_x,
                    bottom + 28,
                    b.month[:4],
                )
            )
    # Safe: format_html or numbers only.
    return mark_safe("".join(out))


@register.simple_tag
def progress_rows(chart: list[tuple[str, int, int, int]]) -> SafeString:
    """The chart's figures as table rows."""
    return mark_safe(  # Safe: every value escaped by format_html
        "".join(
            format_html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}%</td></tr>", month, done, total, pct)
            for month, done, total, pct in chart
        )
    )
