"""Calendar pages: manage an office's secret calendar links, and serve the feed itself by its token."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from eo13.errors import NotFound, ValidationFailed
from eo13.obligations.calendars import (
    build_calendar,
    calendar_feed_create,
    calendar_feed_revoke,
    feed_for_token,
    feeds_for,
)
from eo13.obligations.forms import FeedForm
from eo13.obligations.models import CalendarFeed
from eo13.obligations.views import _agency, eo13_errors


@eo13_errors
def calendar_links(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    new_link = None
    form = FeedForm()
    if request.method == "POST":
        if "revoke" in request.POST:
            feed_id = request.POST.get("revoke", "")
            feed = CalendarFeed.objects.filter(pk=int(feed_id) if feed_id.isdigit() else 0, agency=agency).first()
            if feed is None:
                raise NotFound("No such link.")
            try:
                calendar_feed_revoke(actor=request.user, feed=feed)
                messages.success(request, "The link is turned off. Calendars using it stop updating.")
            except ValidationFailed as exc:
                messages.error(request, exc.message)
            return redirect(f"{request.path}?agency={agency.code}")
        form = FeedForm(request.POST)
        if form.is_valid():
            try:
                _, raw = calendar_feed_create(actor=request.user, agency=agency, name=form.cleaned_data["name"])
            except ValidationFailed as exc:
                form.add_error("name", exc.message)
            else:
                # Shown once, in this response only: never stored, never put in a message cookie.
                new_link = request.build_absolute_uri(f"/staff/obligations/calendar/{raw}.ics")
                form = FeedForm()
    return render(
        request,
        "obligations/calendar.html",
        {"agency": agency, "feeds": feeds_for(request.user, agency), "form": form, "new_link": new_link},
    )


@never_cache
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    try:
        feed = feed_for_token(token)
    except NotFound:
        raise Http404("No such calendar.") from None
    base = getattr(settings, "EO13_BASE_URL", "") or request.build_absolute_uri("/").rstrip("/")
    response = HttpResponse(build_calendar(feed.agency, base_url=base), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="eo13-{feed.agency.code.lower()}.ics"'
    return response
