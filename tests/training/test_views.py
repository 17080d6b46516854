"""Staff pages (EO 13 §2(2)): coverage table, agency page, the two uploads and the course form."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from eo13.training.models import Completion, Course, RosterPerson
from tests.training.conftest import COMPLETION_HEADER, ROSTER_HEADER, csv_bytes, roster_row

pytestmark = pytest.mark.django_db


def _csv(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_a_lead_uploads_a_roster_and_completions_and_sees_coverage(lead, login, course):
    web = login(lead)
    roster = csv_bytes(ROSTER_HEADER, [roster_row("E-1"), roster_row("E-2", "Demo Worker Beta")])
    res = web.post("/staff/training/ACS/roster/", {"roster_file": _csv("r.csv", roster)}, follow=True)
    assert res.status_code == 200
    assert b"Imported roster: 2 new" in res.content
    done = csv_bytes(COMPLETION_HEADER, [["ACS", "E-1", course.code, "2026-11-20"]])
    res = web.post("/staff/training/ACS/completions/", {"completions_file": _csv("c.csv", done)}, follow=True)
    assert b"Imported completions: 1 new" in res.content
    page = web.get("/staff/training/ACS/").content.decode()
    assert 'id="cov-percent">50.0%' in page and "Demo Worker Beta" in page
    overview = web.get("/staff/training/").content.decode()
    assert 'data-percent="ACS">50.0%' in overview


def test_a_bad_upload_lists_the_lines_and_changes_nothing(lead, login):
    web = login(lead)
    bad = csv_bytes(ROSTER_HEADER, [roster_row("E-1"), roster_row("078-05-1120"), roster_row("E-3", role_group="x")])
    res = web.post("/staff/training/ACS/roster/", {"roster_file": _csv("r.csv", bad)})
    assert res.status_code == 200
    page = res.content.decode()
    assert "Line 3: Staff id looks like a Social Security number" in page
    assert "Line 4: Role group must be one of" in page
    assert "078-05-1120" not in page
    assert not RosterPerson.objects.exists()


def test_a_lead_cannot_upload_for_another_agency(lead, login):
    res = login(lead).post(
        "/staff/training/DOC/roster/", {"roster_file": _csv("r.csv", csv_bytes(ROSTER_HEADER, [roster_row("D-1")]))}
    )
    assert res.status_code == 404
    assert not RosterPerson.objects.exists()


def test_city_hall_sees_the_page_without_upload_forms(make_user, login):
    page = login(make_user("city_hall", "CITYHALL")).get("/staff/training/ACS/").content.decode()
    assert "Training at ACS" in page and "roster-upload" not in page


def test_a_lead_adds_a_course_on_the_published_version(lead, login, policy):
    web = login(lead)
    res = web.post("/staff/training/ACS/courses/", {"policy": policy.pk, "code": "EO13-V1", "title": "Version 1"})
    assert res.status_code == 302
    course = Course.objects.get()
    assert course.policy_version == policy.current_version and course.is_current
    res = web.post("/staff/training/ACS/courses/", {"policy": policy.pk, "code": "bad code", "title": "Again"})
    assert res.status_code == 200 and b'id="id_code_error"' in res.content
    assert Course.objects.count() == 1 and not Completion.objects.exists()


def test_the_menu_links_to_training_for_leads(lead, login):
    assert b'href="/staff/training/"' in login(lead).get("/staff/").content
