"""`detainer` decisions through the CLI, the API and the guide; counts only; each agency's report; public figures
(Admin Code §9-131, §14-154, §9-205, named by EO 13 §2)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from pypdf import PdfReader

from eo13.access.models import DecisionLog
from eo13.audit.models import AuditEntry
from eo13.detainers import bootstrap
from eo13.detainers.models import DetainerCount
from tests.access.test_decide_interfaces import cli
from tests.conftest import pdf_via_worker

FEDERAL = {"issued_by": "article_iii_judge", "authorizes": ["custody"]}
CANARY = "PL 160.15"


def facts(**kw):
    out = {
        "date": "2026-03-01",
        "agency": "DOC",
        "request": "hold_beyond_release",
        "convictions": [
            {
                "category": "violent_or_serious",
                "offense_code": CANARY,
                "date_of_judgment": "2024-05-01",
                "released_on": None,
                "youthful_offender": False,
            }
        ],
        "terrorist_screening_match": False,
    }
    out.update(kw)
    return out


SAME = [
    ("hold with a federal warrant", facts(warrant=FEDERAL), False),
    ("hold on a detainer alone", facts(), False),
    (
        "NYPD, terrorist-screening match, no warrant",
        facts(agency="NYPD", convictions=[], terrorist_screening_match=True),
        False,
    ),
    (
        "Probation, State-court warrant",
        facts(agency="DOP", warrant={**FEDERAL, "issued_by": "new_york_state_court"}),
        False,
    ),
    ("DOC release date", facts(request="release_notification", convictions=[]), False),
    ("partial: warrant not known yet", {"agency": "DOC", "request": "hold_beyond_release"}, True),
    ("batch", [facts(warrant=FEDERAL), facts(agency="NYPD")], False),
]


@pytest.mark.parametrize(("name", "raw", "partial"), SAME, ids=[s[0] for s in SAME])
def test_the_cli_and_the_api_give_the_same_decision(api_as, make_user, name, raw, partial):
    api = api_as(make_user("frontline", "DOC"))
    r = api.post("/api/v1/decisions/detainer" + ("?partial=true" if partial else ""), raw)
    assert r.status_code == 200, r.content
    args = ["detainer", "--partial"] if partial else ["detainer"]
    done = cli(args, json.dumps(raw))
    assert done.returncode == 0, done.stderr
    from_api = r.json() if isinstance(raw, list) else [r.json()]
    from_cli = json.loads(done.stdout) if isinstance(raw, list) else [json.loads(done.stdout)]
    for a, c in zip(from_api, from_cli, strict=True):
        keys = ("kind", "outcome", "reasons", "citations", "rules_version", "missing", "conflict")
        assert {k: a.get(k) for k in keys} == {k: c.get(k) for k in keys}
        if "date" not in (raw[0] if isinstance(raw, list) else raw):
            continue  # both default to today; compared above without it
        assert a["as_of"] == c["as_of"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (facts(agency="ACS"), "agency"),
        (facts(convictions=[{"category": "violent_or_serious", "name": "Jane Roe"}]), "convictions[0].name"),
        ([facts(), facts(request="deport")], "[1].request"),
    ],
)
def test_bad_facts_get_422_with_the_same_error_and_count_nothing(api_as, make_user, body, field):
    r = api_as(make_user("frontline", "DOC")).post("/api/v1/decisions/detainer", body)
    assert r.status_code == 422
    assert r.json()["field"] == field
    done = cli(["detainer"], json.dumps(body))
    assert done.returncode == 2 and done.stdout == "" and json.loads(done.stderr)["field"] == field
    assert not DetainerCount.objects.exists()


def test_a_decision_is_counted_for_the_agency_and_nothing_about_the_person_is_kept(api_as, make_user):
    api = api_as(make_user("frontline", "DOC"))
    for _ in range(2):
        assert api.post("/api/v1/decisions/detainer", facts()).json()["recorded"] is True
    body = api.post("/api/v1/decisions/detainer", facts(warrant=FEDERAL)).json()
    assert body["outcome"] == "may_honor" and any("Your agency counsel" in s for s in body["next_steps"])
    cells = {(c.request, c.outcome, c.condition, c.month, c.count) for c in DetainerCount.objects.all()}
    assert cells == {
        ("hold_beyond_release", "may_not_honor", "no_judicial_warrant", date(2026, 3, 1), 2),
        ("hold_beyond_release", "may_honor", "conviction_in_look_back", date(2026, 3, 1), 1),
    }
    assert not DecisionLog.objects.exists()
    entries = AuditEntry.objects.filter(action="detainer.count")
    assert entries.count() == 3
    for e in entries:
        text = json.dumps(e.changes)
        assert CANARY not in text and "2024-05-01" not in text


def test_only_the_agencys_own_staff_add_to_its_count(api_as, make_user):
    body = api_as(make_user("frontline", "NYPD")).post("/api/v1/decisions/detainer", facts()).json()
    assert body["recorded"] is False and body["outcome"] == "may_not_honor"
    assert not DetainerCount.objects.exists()


def test_a_partial_question_is_not_counted_but_a_partial_answer_is(api_as, make_user):
    api = api_as(make_user("frontline", "DOC"))
    asked = api.post("/api/v1/decisions/detainer?partial=true", {"agency": "DOC", "request": "hold_beyond_release"})
    assert asked.json()["outcome"] == "unknown" and asked.json()["recorded"] is False
    settled = api.post(
        "/api/v1/decisions/detainer?partial=true", {"agency": "DOC", "request": "hold_beyond_release", "warrant": None}
    )
    assert settled.json()["outcome"] == "may_not_honor" and settled.json()["recorded"] is True


def test_the_guide_asks_the_fewest_questions_and_counts_the_answer(login, make_user):
    c = login(make_user("frontline", "DOC"))
    page = c.get("/staff/detainers/guide/")
    assert b"What do immigration authorities ask for?" in page.content  # DOC staff are not asked their agency
    token = page.context["token"]
    page = c.post("/staff/detainers/guide/", {"state": token, "question": "request", "answer": "hold_beyond_release"})
    assert b"What papers came with the request?" in page.content
    page = c.post("/staff/detainers/guide/", {"state": page.context["token"], "question": "warrant", "answer": "none"})
    text = page.content.decode()
    assert "No. The law does not allow this request." in text and "Admin Code §9-131(b)(1)" in text
    assert DetainerCount.objects.get().condition == "no_judicial_warrant"


def test_the_guide_takes_conviction_dates_and_refuses_a_future_one(login, make_user):
    c = login(make_user("frontline", "DOC"))
    token = c.get("/staff/detainers/guide/").context["token"]
    token = c.post("/staff/detainers/guide/", {"state": token, "question": "request", "answer": "hold_beyond_release"})
    token = c.post(
        "/staff/detainers/guide/", {"state": token.context["token"], "question": "warrant", "answer": "federal"}
    )
    assert "terrorist screening" in token.content.decode()
    token = c.post(
        "/staff/detainers/guide/",
        {"state": token.context["token"], "question": "terrorist_screening_match", "answer": "no"},
    )
    bad = c.post(
        "/staff/detainers/guide/",
        {"state": token.context["token"], "question": "convictions", "answer": "yes", "date_of_judgment": "2999-01-01"},
    )
    assert "cannot be in the future" in bad.content.decode()
    assert not DetainerCount.objects.exists()


def _demo(settings):
    settings.EO13_DEMO = True
    bootstrap.run(io.StringIO())


def test_each_agencys_report_builds_from_demo_data_as_html_csv_and_pdf(login, make_user, settings):
    _demo(settings)
    c = login(make_user("agency_lead", "DOC"))
    html = c.get("/staff/detainers/reports/DOC/?year=2026")
    assert html.status_code == 200 and "Admin Code §9-131" in html.content.decode()
    rows = list(csv.reader(io.StringIO(c.get("/staff/detainers/reports/DOC/?year=2026&format=csv").content.decode())))
    assert rows[0] == ["agency", "year", "request", "outcome", "deciding_condition", "count"]
    assert ["DOC", "2026", "hold_beyond_release", "may_not_honor", "no_judicial_warrant", "42"] in rows
    pdf = pdf_via_worker(c, "/staff/detainers/reports/DOC/?year=2026&format=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    content = b"".join(pdf.streaming_content)
    assert "DOC detainer report, 2026" in PdfReader(io.BytesIO(content)).pages[0].extract_text()
    assert AuditEntry.objects.filter(action__startswith="export.detainer_report_").count() == 2


@pytest.mark.parametrize(
    ("role", "agency", "target", "status"),
    [
        ("agency_lead", "NYPD", "DOC", 404),
        ("frontline", "DOC", "DOC", 404),
        ("city_hall", "CITYHALL", "DOP", 200),
        ("auditor", "CITYHALL", "NYPD", 200),
        ("city_hall", "CITYHALL", "ACS", 404),
    ],
)
def test_reports_are_scoped_by_role_and_agency(login, make_user, role, agency, target, status):
    assert login(make_user(role, agency)).get(f"/staff/detainers/reports/{target}/").status_code == status


def test_public_figures_show_detainer_totals_with_small_counts_suppressed(client, settings, db):
    _demo(settings)
    text = client.get("/en/figures/").content.decode()
    assert "decided by Correction, Police and Probation" in text
    row = text.split("requests the law allowed")[1].split("</tr>")[0]
    assert "fewer than 5" in row  # one demo hold was allowed
    assert "Admin Code §9-131(b)(1)" in text
