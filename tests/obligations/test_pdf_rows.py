"""Issue 13: in a PDF report a table row never splits across two pages, and a long table repeats its header."""

from collections import defaultdict

import pytest
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from eo13 import pdf
from eo13.obligations.reports import mayor_report_data

pytestmark = pytest.mark.django_db


def _pages_per_row(template: str, context: dict) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """The pages each body row and each header row is drawn on."""
    from weasyprint import CSS, HTML

    doc = HTML(string=render_to_string(template, context)).render(
        stylesheets=[CSS(filename=finders.find(pdf.STYLESHEET))]
    )
    pages: dict[int, set[int]] = defaultdict(set)
    heads: dict[int, set[int]] = defaultdict(set)
    for n, page in enumerate(doc.pages):
        for group in page._page_box.descendants():
            if getattr(group, "element_tag", None) not in ("thead", "tbody"):
                continue
            for row in group.children:
                (heads if group.element_tag == "thead" else pages)[id(row.element)].add(n)
    return pages, heads


def test_the_report_to_the_mayor_never_splits_a_row(order_issued, make_user):
    context = mayor_report_data(make_user("city_hall", "CITYHALL"))
    # Long duty titles, so rows are tall and many fall on a page break.
    for line in context["lines"]:
        line.title = (line.title + " ") * 6
    pages, heads = _pages_per_row("obligations/report_mayor_pdf.html", context)
    assert max(max(p) for p in pages.values()) >= 1, "the report runs over more than one page"
    assert [p for p in pages.values() if len(p) > 1] == [], "a body row was drawn on two pages"
    assert any(len(p) > 1 for p in heads.values()), "a table that goes on repeats its header on the next page"
