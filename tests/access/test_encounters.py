"""Encounter records: no identifiers of the public, agency-scoped, and the Admin Code §10-178(d) report."""

import csv
import io
import logging
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from eo13.access.models import Encounter
from eo13.audit.models import AuditEntry

NY = ZoneInfo("America/New_York")
CANARIES = {
    "ssn": "078-05-1120",
    "a_number": "A123456789",
    "name": "name: Zelda Canarysdottir",
    "phone": "(212) 555-0147",
    "email": "canary.person@example.org",
    "dob": "DOB: 04/05/1987",
}
CANARY_TEXT = "They asked about a man, " + ", ".join(CANARIES.values()) + ", who lives at 77 Canary Street Apt 3."


def body(**over):
    b = {
        "agency": "ACS",
        "occurred_at": "2026-03-02T10:15:00-05:00",
        "requesting_agency": "ice",
        "request_kind": "use_lot",
        "city_response": "declined",
        "immigration_enforcement": True,
        "documents_shown": ["I-205"],
        "what_happened": "Two agents asked to park. We said no and called counsel.",
        "counsel_called": True,
    }
    b.update(over)
    return b


def test_free_text_is_scrubbed_and_the_writer_is_told(api_as, make_user, caplog):
    caplog.set_level(logging.DEBUG)
    api = api_as(make_user("frontline", "ACS"))
    r = api.post(
        "/api/v1/encounters", body(what_happened=CANARY_TEXT, place_description="near 77 Canary Street, 212-555-0147")
    )
    assert r.status_code == 201
    out = r.json()
    assert {"ssn", "a_number", "name", "phone", "email", "date_of_birth", "street_address"} <= set(out["scrubbed"])
    stored = Encounter.objects.get()
    everywhere = (
        stored.what_happened
        + stored.place_description
        + str(list(AuditEntry.objects.values_list("changes", flat=True)))
        + caplog.text
    )
    for canary in [*CANARIES.values(), "Canarysdottir", "77 Canary Street"]:
        assert canary not in everywhere, canary
    assert "[SSN removed]" in stored.what_happened


def test_web_form_tells_the_writer_what_was_removed(login, make_user):
    c = login(make_user("frontline", "DOC"))
    r = c.post(
        "/staff/access/encounters/new/",
        {
            "occurred_at": "2026-03-02T10:15",
            "requesting_agency": "cbp",
            "request_kind": "enter_non_public",
            "immigration_enforcement": "yes",
            "documents_shown": ["I-200"],
            "city_response": "referred",
            "what_happened": f"Officer asked for {CANARIES['name']} born DOB: 01/02/1990",
            "counsel_called": "on",
        },
        follow=True,
    )
    assert b"We removed details that could identify someone" in r.content
    e = Encounter.objects.get()
    assert e.agency.code == "DOC" and "Canarysdottir" not in e.what_happened and e.documents_shown == ["I-200"]


@pytest.mark.parametrize(
    "override, field",
    [
        ({"requesting_agency": "martians"}, "requesting_agency"),
        ({"request_kind": "tea"}, "request_kind"),
        ({"city_response": "shrug"}, "city_response"),
        ({"documents_shown": ["napkin"]}, "documents_shown[0]"),
        ({"what_happened": "x" * 1001}, "what_happened"),
        ({"agency": "NOPE"}, "agency"),
        ({"property": "0000000000"}, "property"),
    ],
)
def test_bad_input_changes_nothing(api_as, make_user, override, field):
    r = api_as(make_user("frontline", "ACS")).post("/api/v1/encounters", body(**override))
    # An unknown agency code is 404 on every path that takes one (issue 11: one agency resolver).
    assert r.status_code == (404 if field == "agency" else 422) and r.json()["field"] == field
    assert not Encounter.objects.exists()


def test_one_agency_cannot_file_or_read_for_another(api_as, make_user):
    acs_front = make_user("frontline", "ACS")
    assert api_as(acs_front).post("/api/v1/encounters", body(agency="DOC")).status_code == 403
    e = api_as(acs_front).post("/api/v1/encounters", body()).json()
    assert api_as(make_user("agency_lead", "DOC")).get(f"/api/v1/encounters/{e['id']}").status_code == 404
    assert api_as(make_user("agency_lead", "DOC")).get("/api/v1/encounters").json() == []
    assert api_as(make_user("frontline", "ACS")).get("/api/v1/encounters").json() == []  # another worker's record
    assert len(api_as(make_user("agency_lead", "ACS")).get("/api/v1/encounters").json()) == 1
    assert api_as(make_user("privacy_officer", "ACS")).get("/api/v1/encounters").json() == []


def test_city_hall_reads_everything_but_free_text(api_as, login, make_user):
    e = api_as(make_user("frontline", "ACS")).post("/api/v1/encounters", body(place_description="rear lot")).json()
    hall = make_user("city_hall", "CITYHALL")
    seen = api_as(hall).get(f"/api/v1/encounters/{e['id']}").json()
    assert seen["what_happened"] is None and seen["place_description"] is None and seen["request_kind"] == "use_lot"
    page = login(hall).get(f"/staff/access/encounters/{e['id']}/").content.decode()
    assert "Two agents" not in page and "Hidden for your role" in page
    auditor = api_as(make_user("auditor", "DOI")).get(f"/api/v1/encounters/{e['id']}").json()
    assert auditor["what_happened"].startswith("Two agents")


def test_leads_correct_records_and_stale_edits_conflict(api_as, make_user):
    e = api_as(make_user("frontline", "ACS")).post("/api/v1/encounters", body()).json()
    lead = api_as(make_user("agency_lead", "ACS"))
    r = lead.patch(f"/api/v1/encounters/{e['id']}", {"version": 1, "city_response": "referred"})
    assert r.status_code == 200 and r.json()["version"] == 2
    stale = lead.patch(f"/api/v1/encounters/{e['id']}", {"version": 1, "city_response": "declined"})
    assert stale.status_code == 409
    assert Encounter.objects.get().city_response == "referred"
    other_lead = api_as(make_user("agency_lead", "DOC"))
    assert other_lead.patch(f"/api/v1/encounters/{e['id']}", {"version": 2, "counsel_called": False}).status_code == 404
    assert AuditEntry.objects.filter(action="encounter.update").count() == 1


def _file(api, **over):
    assert api.post("/api/v1/encounters", body(**over)).status_code == 201


def test_quarterly_report_by_requesting_and_receiving_agency(api_as, login, make_user):
    acs, doc = api_as(make_user("frontline", "ACS")), api_as(make_user("frontline", "DOC"))
    _file(acs)
    _file(acs, city_response="referred")
    _file(acs, requesting_agency="cbp")
    _file(doc, agency="DOC")
    _file(doc, agency="DOC", immigration_enforcement=False)  # not a request for immigration enforcement help
    _file(doc, agency="DOC", occurred_at="2026-04-01T00:30:00-04:00")  # next quarter, New York time
    hall = make_user("city_hall", "CITYHALL")
    rows = api_as(hall).get("/api/v1/reports/10-178d?year=2026&quarter=1").json()
    table = {
        (r["requesting_agency"], r["receiving_agency"]): (r["requests"], r["declined"], r["referred"]) for r in rows
    }
    assert table == {("ice", "ACS"): (2, 1, 1), ("cbp", "ACS"): (1, 1, 0), ("ice", "DOC"): (1, 1, 0)}
    # An agency lead sees only the rows for their agency.
    lead_rows = api_as(make_user("agency_lead", "DOC")).get("/api/v1/reports/10-178d?year=2026&quarter=1").json()
    assert {r["receiving_agency"] for r in lead_rows} == {"DOC"}
    r = login(hall).get("/staff/access/reports/10-178d/?year=2026&quarter=1&format=csv")
    parsed = list(csv.DictReader(io.StringIO(r.content.decode())))
    assert len(parsed) == 3 and parsed[0].keys() >= {"requesting_agency", "receiving_agency", "requests"}
    assert "what_happened" not in r.content.decode() and "Two agents" not in r.content.decode()
    assert AuditEntry.objects.filter(action="export.report_10_178d", actor=hall).exists()
    assert api_as(hall).get("/api/v1/reports/10-178d?year=2026&quarter=5").status_code == 422


def test_encounter_times_are_shown_in_new_york(api_as, login, make_user):
    e = (
        api_as(make_user("frontline", "ACS"))
        .post("/api/v1/encounters", body(occurred_at="2026-03-02T15:15:00Z"))
        .json()
    )
    assert Encounter.objects.get().occurred_at == datetime(2026, 3, 2, 10, 15, tzinfo=NY)
    page = login(make_user("agency_lead", "ACS")).get(f"/staff/access/encounters/{e['id']}/").content.decode()
    assert "2026-03-02 10:15" in page
