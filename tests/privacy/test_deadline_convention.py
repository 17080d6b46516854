"""One deadline engine (issue 11): under EO13_DEADLINE_CONVENTION=gcl-25a, `eo13 due` and the privacy workspace
give the same date for a §6 duty (EO 13 §6; General Construction Law §25-a)."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from eo13.obligations.models import Obligation

pytestmark = pytest.mark.django_db

# A vacancy on Friday, May 1, 2026: 30 days end on Sunday, May 31, which §25-a runs on to Monday, June 1.
VACATED = date(2026, 5, 1)
COUNTED, ROLLED = "2026-05-31", "2026-06-01"


def _printed(*extra: str) -> str:
    out = StringIO()
    call_command("due", "privacy-officer-vacancy", VACATED.isoformat(), "--agency", "ACS", "--json", *extra, stdout=out)
    return next(r["due"] for r in json.loads(out.getvalue()) if r["obligation"] == "s6_privacy_officer_replacement")


@pytest.mark.parametrize("convention, expected", [("calendar", COUNTED), ("gcl-25a", ROLLED)])
def test_eo13_due_and_the_privacy_workspace_agree_on_a_section_6_date(
    settings, make_user, api_as, designate, convention, expected
):
    settings.EO13_DEADLINE_CONVENTION = convention
    printed = _printed()
    assert printed == expected

    designate(on=date(2026, 2, 10))
    lead = make_user("agency_lead", "ACS")
    made = api_as(lead).post("/api/v1/privacy/vacancies", {"agency": "ACS", "vacated_on": VACATED.isoformat()})
    assert made.status_code == 201, made.content
    assert made.json()["replacement_due"] == printed
    listed = api_as(lead).get("/api/v1/privacy/vacancies").json()
    assert [v["replacement_due"] for v in listed] == [printed]
    row = next(r for r in api_as(lead).get("/api/v1/privacy/register").json() if r["agency"] == "ACS")
    assert row["designation_due"] == printed
    # The engine's own duty, which reminders and calendars read, carries the same date.
    duty = Obligation.objects.get(key="s6_privacy_officer_replacement", agency__code="ACS")
    assert duty.due.isoformat() == printed


def test_the_command_line_flag_still_overrides_the_setting(settings):
    settings.EO13_DEADLINE_CONVENTION = "gcl-25a"
    assert _printed("--convention", "calendar") == COUNTED
