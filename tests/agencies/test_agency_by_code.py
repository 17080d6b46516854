"""One agency resolver (issue 11 point 5): every path that takes an agency code answers a code the same way.

Case and surrounding spaces do not matter; an unknown code and a retired one are both 404 with the error object.
"""

import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command

from eo13.agencies.models import Agency
from eo13.agencies.selectors import agencies_by_code, agency_by_code
from eo13.errors import NotFound

pytestmark = pytest.mark.django_db

# (code as sent, retire ACS first, found)
CODES = [
    pytest.param("ZZZ", False, False, id="unknown"),
    pytest.param("ACS", True, False, id="inactive"),
    pytest.param("acs", False, True, id="lowercase"),
    pytest.param(" ACS ", False, True, id="with spaces"),
    pytest.param("", False, False, id="empty"),
]


@pytest.mark.parametrize(("code", "retire", "found"), CODES)
def test_the_resolver(code: str, retire: bool, found: bool) -> None:
    if retire:
        Agency.objects.filter(code="ACS").update(active=False)
    if found:
        assert agency_by_code(code).code == "ACS"
        assert [a.code for a in agencies_by_code([code, "doc"])] == ["ACS", "DOC"]
    else:
        with pytest.raises(NotFound) as caught:
            agency_by_code(code, field="agency")
        assert caught.value.status == 404 and caught.value.field == "agency"
    if retire:
        assert agency_by_code(code, include_inactive=True).code == "ACS"


# Every API path that takes a code, read by City Hall (who may read every agency's records).
API_PATHS: list[tuple[str, Callable[[str], str]]] = [
    ("agency", lambda c: f"/api/v1/agencies/{c}"),
    ("training roster", lambda c: f"/api/v1/training/roster?agency={c}"),
    ("training courses", lambda c: f"/api/v1/training/courses?agency={c}"),
    ("training completions", lambda c: f"/api/v1/training/completions?agency={c}"),
    ("audit report", lambda c: f"/api/v1/audit-reports/{c}"),
]


@pytest.mark.parametrize(("code", "retire", "found"), [p for p in CODES if p.id != "empty"])
@pytest.mark.parametrize(("name", "path"), API_PATHS, ids=[n for n, _ in API_PATHS])
def test_every_api_path_answers_a_code_the_same_way(
    api_as: Any, make_user: Any, name: str, path: Callable[[str], str], code: str, retire: bool, found: bool
) -> None:
    api = api_as(make_user("city_hall", "CITYHALL"))
    if retire:
        Agency.objects.filter(code="ACS").update(active=False)
    r = api.get(path(code.replace(" ", "%20")))
    if found:
        assert r.status_code == 200, (name, r.content)
    else:
        assert r.status_code == 404, (name, r.content)
        assert set(r.json()) <= {"error", "field"} and r.json()["error"]


def test_a_code_in_a_body_is_answered_the_same_way(api_as: Any, make_user: Any) -> None:
    lead = api_as(make_user("agency_lead", "ACS"))
    for code in ("ZZZ", "zzz "):
        person = {"agency": code, "staff_id": "E-1", "display_name": "Trainer", "role_group": "employee"}
        r = lead.post("/api/v1/training/roster", person)
        assert r.status_code == 404 and r.json()["field"] == "agency", r.content


@pytest.mark.parametrize(("code", "ok"), [("ZZZ", False), ("acs", True), (" ACS ", True)])
def test_the_command_line_reads_a_code_the_same_way(code: str, ok: bool) -> None:
    out, err = io.StringIO(), io.StringIO()
    args = ["due", "order-issued", "2026-02-06", "--agency", code, "--json"]
    if ok:
        call_command(*args, stdout=out, stderr=err)
        upper = io.StringIO()
        call_command("due", "order-issued", "2026-02-06", "--agency", "ACS", "--json", stdout=upper)
        assert json.loads(out.getvalue()) == json.loads(upper.getvalue()) != []
    else:
        with pytest.raises(SystemExit) as ended:
            call_command(*args, stdout=out, stderr=err)
        assert ended.value.code == 2
