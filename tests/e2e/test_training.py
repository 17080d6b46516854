"""Training in a real browser: an agency lead uploads the roster and completions on a phone (EO 13 §2(2))."""

import pytest

from eo13.agencies.models import Agency
from eo13.policies import services as policy_services
from eo13.training import services
from eo13.training.models import Completion, RosterPerson
from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

ROSTER = (
    "agency,staff_id,name,email,role_group,public_facing\n"
    "ACS,E-1,Demo Officer Alpha,alpha@example.nyc.test,officer,yes\n"
    "ACS,E-2,Demo Worker Beta,,employee,no\n"
)


def _course(make_user):
    lead = make_user("agency_lead", "ACS")
    reviewer = make_user("agency_lead", "LAW")
    policy = policy_services.policy_create(
        actor=lead, agency=Agency.objects.get(code="ACS"), title="Outside officers", body="Ask for a judge's warrant."
    )
    v = policy.versions.get()
    v = policy_services.version_submit(actor=lead, version=v, expected_version=v.version)
    policy_services.version_approve(actor=reviewer, version=v, expected_version=v.version)
    policy.refresh_from_db()
    services.course_create(actor=lead, policy=policy, code="EO13-V1", title="Outside officers")
    return lead


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_lead_uploads_the_roster_and_completions_on_a_phone(live_server, phone, make_user, tmp_path):
    lead = _course(make_user)
    page = phone
    sign_in(page, live_server, lead.username, PASSWORD)
    page.wait_for_url("**/staff/")
    page.goto(f"{live_server.url}/staff/training/ACS/")
    _no_sideways_scroll(page)

    # A bad file first: the lines are listed and nothing changes.
    bad = tmp_path / "bad.csv"
    bad.write_text(ROSTER + "ACS,078-05-1120,Demo Gamma,,employee,no\n")
    page.set_input_files("#id_roster_file", str(bad))
    page.click("#roster-upload button[type=submit]")
    page.wait_for_selector("#import-errors")
    errors = page.inner_text("#import-errors")
    assert "Line 4: Staff id looks like a Social Security number" in errors and "078-05-1120" not in errors
    assert not RosterPerson.objects.exists()
    _no_sideways_scroll(page)

    good = tmp_path / "roster.csv"
    good.write_text(ROSTER)
    page.set_input_files("#id_roster_file", str(good))
    page.click("#roster-upload button[type=submit]")
    page.wait_for_selector("text=Imported roster: 2 new")
    assert "Demo Worker Beta" in page.inner_text("#roster-table")

    done = tmp_path / "done.csv"
    done.write_text("agency,staff_id,course,completed_on\nACS,E-1,EO13-V1,2026-11-20\n")
    page.set_input_files("#id_completions_file", str(done))
    page.click("#completions-upload button[type=submit]")
    page.wait_for_selector("text=Imported completions: 1 new")
    assert page.inner_text("#cov-percent") == "50.0%"
    assert Completion.objects.count() == 1
    _no_sideways_scroll(page)
