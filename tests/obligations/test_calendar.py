"""Per-office iCalendar feeds behind a secret, revocable link (issue 4, "Calendars")."""

from datetime import date

import pytest
from icalendar import Calendar

from eo13.agencies.models import Agency
from eo13.audit.models import AuditEntry
from eo13.errors import PermissionDenied
from eo13.obligations.calendars import calendar_feed_create, calendar_feed_revoke
from eo13.obligations.models import CalendarFeed, Obligation


@pytest.fixture
def acs_link(order_issued, make_user):
    lead = make_user("agency_lead", "ACS")
    feed, raw = calendar_feed_create(actor=lead, agency=Agency.objects.get(code="ACS"), name="Compliance team")
    return lead, feed, raw


def test_the_feed_parses_and_holds_the_offices_deadlines(acs_link, client):
    _, feed, raw = acs_link
    response = client.get(f"/staff/obligations/calendar/{raw}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    assert cal["VERSION"] == "2.0" and "EO13" in str(cal["PRODID"])
    events = cal.walk("VEVENT")
    by_start = {e.decoded("DTSTART"): str(e["SUMMARY"]) for e in events}
    assert "Audit your policies and report to the Mayor (EO 13 §2)" in by_start[date(2026, 5, 7)]
    assert "Name your privacy officer" in by_start[date(2026, 2, 20)]
    assert all(
        e.decoded("DTEND") == e.decoded("DTSTART").__class__.fromordinal(e.decoded("DTSTART").toordinal() + 1)
        for e in events
    )
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert all(e.walk("VALARM") for e in events)
    # Only this office's duties, and all of its dated ones: the events are exactly ACS's rows, while NYPD owes the
    # same kinds of duty on the same dates (so matching on titles or dates could not tell them apart).
    acs = Obligation.objects.filter(agency__code="ACS", due__isnull=False)
    nypd = Obligation.objects.filter(agency__code="NYPD", due__isnull=False)
    assert nypd.exists()
    assert {str(e["UID"]) for e in events} == {
        f"eo13-obligation-{pk}@eo13.nyc" for pk in acs.values_list("pk", flat=True)
    }
    assert raw not in feed.digest and not CalendarFeed.objects.filter(digest__contains=raw).exists()


def test_a_revoked_or_made_up_link_gives_nothing(acs_link, client):
    lead, feed, raw = acs_link
    assert client.get("/staff/obligations/calendar/eo13cal_made-up.ics").status_code == 404
    calendar_feed_revoke(actor=lead, feed=feed)
    assert client.get(f"/staff/obligations/calendar/{raw}.ics").status_code == 404
    assert AuditEntry.objects.filter(action="calendar_feed.revoke").count() == 1


def test_another_agency_cannot_make_or_revoke_links(acs_link, make_user):
    _, feed, _ = acs_link
    other = make_user("agency_lead", "NYPD")
    with pytest.raises(PermissionDenied):
        calendar_feed_create(actor=other, agency=Agency.objects.get(code="ACS"), name="Mine now")
    with pytest.raises(PermissionDenied):
        calendar_feed_revoke(actor=other, feed=feed)
    assert CalendarFeed.objects.get(pk=feed.pk).revoked_at is None


def test_the_link_page_shows_the_link_once(order_issued, make_user, login):
    c = login(make_user("agency_lead", "ACS"))
    response = c.post("/staff/obligations/calendar/", {"name": "Team"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "/staff/obligations/calendar/eo13cal_" in text
    again = c.get("/staff/obligations/calendar/").content.decode()
    assert "eo13cal_" in again and "/staff/obligations/calendar/eo13cal_" not in again  # prefix only
