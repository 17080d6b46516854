"""The board's table body, drawn in Python (issue 14).

204 offices × 23 duties is about 4,700 cells; Django's template loop and lookups cost some 100 µs a cell, most of
the page. The markup is the same the template drew: each distinct cell (state and count) is escaped once and shared.
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

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
    drawn: dict[Cell, str] = {}
    out: list[str] = []
    for row in board.rows:
        out.append(format_html('<tr><th scope="row"><a href="{}?agency={}">{}</a></th>', workspace, row.code, row.code))
        for cell in row.cells:
            if cell is None:
                out.append(EMPTY)
                continue
            html = drawn.get(cell)
            if html is None:
                html = drawn[cell] = _cell(cell)
            out.append(html)
        out.append("</tr>")
    # Safe: every piece above went through format_html or is a constant.
    return mark_safe("".join(out))
