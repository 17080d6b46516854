"""Search and paging for every staff list longer than a screen (issue 13: 170 late duties on one page, an agencies
page 21,600 px tall on a phone). One helper, so each list behaves the same: ``?q=`` searches the named fields,
``?page=`` pages in the database, and the other filters of the page are kept in every link."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, QueryDict

PER_PAGE = 25
QUERY_MAX = 100  # longer searches are cut: nobody types more, and it bounds the database's work


@dataclass(frozen=True)
class Listing:
    page: Page[Any]
    q: str
    keep: str  # the page's other filters, urlencoded, for the pager's links ("state=overdue&kind=...")
    searchable: bool

    @property
    def rows(self) -> list[Any]:
        return list(self.page.object_list)


def _value(row: Any, path: str) -> str:
    for part in path.split("__"):
        row = getattr(row, part, None)
        if row is None:
            return ""
    return str(row)


def listing(
    request: HttpRequest,
    rows: QuerySet[Any] | Sequence[Any],
    *,
    search: Sequence[str] = (),
    per_page: int = PER_PAGE,
    count: int | None = None,
) -> Listing:
    """``rows`` already filtered by who may see them; ``search`` the model fields ``?q=`` looks in (icontains).

    ``count``: how many rows there are, when the caller already counted them (the board's late total); it is used
    only when no search narrows the list, and spares the database a second ``COUNT`` (issue 14)."""
    q = " ".join(request.GET.get("q", "").split())[:QUERY_MAX]
    if q and search and isinstance(rows, QuerySet):
        match = Q()
        for field in search:
            match |= Q(**{f"{field}__icontains": q})
        rows = rows.filter(match)
    elif q and search:  # a list a selector already built (and ordered) in Python
        rows = [row for row in rows if any(q.casefold() in _value(row, f).casefold() for f in search)]
    paginator = Paginator(rows, per_page)
    if count is not None and not q:
        paginator.count = count  # a cached_property: set here, Django does not count again
    page = paginator.get_page(request.GET.get("page"))
    keep = QueryDict(mutable=True)
    for key, values in request.GET.lists():
        if key != "page":
            keep.setlist(key, values)
    return Listing(page=page, q=q, keep=keep.urlencode(), searchable=bool(search))
