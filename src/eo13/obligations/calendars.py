"""Per-office iCalendar feeds of deadlines behind a secret, revocable link (issue 4, "Calendars").

The link's token is shown once; only its SHA-256 is kept. Calendar programs fetch the feed without signing in,
so the token is the only key, and revoking it ends access at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from icalendar import Alarm, Calendar
from icalendar import Event as VEvent

from eo13.accounts.actors import Actor, signed_in
from eo13.accounts.models import Role
from eo13.accounts.policy import has_role
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.errors import NotFound, PermissionDenied, ValidationFailed
from eo13.obligations.models import CalendarFeed, Obligation, Status
from eo13.obligations.policy import OBLIGATION_POLICY
from eo13.text import clean_label

FEED_PREFIX = "eo13cal_"


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _require_manage(actor: Actor, agency: Agency) -> None:
    if not (has_role(actor, {Role.CITY_HALL}) or OBLIGATION_POLICY.can_write(actor, agency_id=agency.pk)):
        raise PermissionDenied("Only this office's own staff or City Hall can manage its calendar links.")


def calendar_feed_create(*, actor: Actor, agency: Agency, name: str) -> tuple[CalendarFeed, str]:
    """Make a secret link; returns the feed and the raw token (shown once)."""
    _require_manage(actor, agency)
    name = clean_label(name, field="name")
    if not name:
        raise ValidationFailed("Give the link a name, such as 'Compliance team calendar'.", field="name")
    raw = FEED_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        feed = CalendarFeed.objects.create(
            agency=agency, name=name, prefix=raw[:12], digest=_digest(raw), created_by=signed_in(actor)
        )
        audit_record(
            actor=actor,
            action=AuditAction.CALENDAR_FEED_CREATE,
            target=feed,
            agency_code=agency.code,
            changes={"name": {"new": name}},
        )
    return feed, raw


def calendar_feed_revoke(*, actor: Actor, feed: CalendarFeed) -> CalendarFeed:
    agency: Agency = feed.agency
    _require_manage(actor, agency)
    if feed.revoked_at is not None:
        raise ValidationFailed("This link was already turned off.", field="feed")
    with transaction.atomic():
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action=AuditAction.CALENDAR_FEED_REVOKE, target=feed, agency_code=agency.code)
    return feed


def feed_for_token(raw: str) -> CalendarFeed:
    if not raw.startswith(FEED_PREFIX) or len(raw) > 100:
        raise NotFound("No such calendar.")
    feed = CalendarFeed.objects.select_related("agency").filter(digest=_digest(raw), revoked_at__isnull=True).first()
    if feed is None:
        raise NotFound("No such calendar.")
    return feed


def feeds_for(actor: Actor, agency: Agency) -> list[CalendarFeed]:
    _require_manage(actor, agency)
    return list(CalendarFeed.objects.filter(agency=agency))


def build_calendar(agency: Agency, *, base_url: str, now: dt.datetime | None = None) -> bytes:
    """One all-day event per dated duty the office owes, with a reminder a week before."""
    now = now or timezone.now()
    cal = Calendar()
    cal.add("prodid", "-//City of New York//EO13 obligations//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"EO13 deadlines: {agency.code}")
    cal.add("x-wr-timezone", "America/New_York")
    duties = Obligation.objects.filter(agency=agency, due__isnull=False).select_related("concerns").order_by("due")
    for o in duties:
        assert o.due is not None
        ev = VEvent()
        ev.add("uid", f"eo13-obligation-{o.pk}@eo13.nyc")
        ev.add("dtstamp", now)
        ev.add("dtstart", o.due)
        ev.add("dtend", o.due + dt.timedelta(days=1))
        done = " [done]" if o.status == Status.ACCEPTED else ""
        about = f" for {o.concerns_code}" if o.concerns_id else ""
        ev.add("summary", f"{o.title}{about} ({o.section}){done}")
        link = f"{base_url}/staff/obligations/{o.pk}/"
        ev.add("description", f"{o.section}. Status: {o.get_status_display()}. Office: {agency.code}.\n{link}")
        ev.add("url", link)
        ev.add("transp", "TRANSPARENT")
        ev.add("status", "CONFIRMED")
        if o.status != Status.ACCEPTED:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Due in a week: {o.title}")
            alarm.add("trigger", dt.timedelta(days=-7))
            ev.add_component(alarm)
        cal.add_component(ev)
    ical: bytes = cal.to_ical()
    return ical
