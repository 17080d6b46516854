"""Input that used to answer 500 answers 4xx with {"error", "field"} (issue 9, Medium 5). The NUL and surrogate
cases broke PostgreSQL; .ci/run runs this file on PostgreSQL too."""

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

DEEP = 100_000


@pytest.fixture
def city_hall_api(make_user: Any, api_as: Any) -> Any:
    return api_as(make_user("city_hall", "CITYHALL"))


@pytest.fixture
def lead_api(make_user: Any, api_as: Any) -> Any:
    return api_as(make_user("agency_lead", "ACS"))


def _refused(response: Any, status: tuple[int, ...] = (400, 422), field: str | None = None) -> dict[str, Any]:
    assert response.status_code in status, (response.status_code, response.content[:300])
    body: dict[str, Any] = response.json()
    assert "error" in body and "field" in body
    if field is not None:
        assert body["field"] == field
    return body


@pytest.mark.parametrize("path", ["/api/v1/encounters", "/api/v1/decision-log", "/api/v1/obligations"])
@pytest.mark.parametrize(
    "query",
    ["offset=-1", "limit=-1", "limit=0", "offset=99999999999999999999999", "limit=99999999999999999999999"],
)
def test_out_of_range_offset_and_limit_are_refused(lead_api: Any, path: str, query: str) -> None:
    _refused(lead_api.get(f"{path}?{query}"), (422,), field=query.split("=")[0])


def test_a_calendar_feed_with_an_empty_agency_is_refused(lead_api: Any) -> None:
    _refused(lead_api.post("/api/v1/calendar-feeds", {"agency": "", "name": "Team calendar"}), (422,), "agency")


@pytest.mark.parametrize("date", ["9999-12-31", "2200-01-01"])
def test_what_is_due_from_a_far_future_date_is_refused(city_hall_api: Any, date: str) -> None:
    response = city_hall_api.get(f"/api/v1/obligations/due?event=privacy-officer-vacancy&agency=ACS&date={date}")
    _refused(response, (422,), "date")


def test_the_far_future_limit_leaves_real_dates_alone(city_hall_api: Any) -> None:
    response = city_hall_api.get("/api/v1/obligations/due?event=privacy-officer-vacancy&agency=ACS&date=2027-03-01")
    assert response.status_code == 200 and response.json()


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "a\\u0000b"])
@pytest.mark.parametrize(
    ("path", "template", "field"),
    [
        ("/api/v1/policies", '{"agency": "ACS", "title": "%s", "body": "b"}', "title"),
        ("/api/v1/calendar-feeds", '{"agency": "ACS", "name": "%s"}', "name"),
        ("/api/v1/decisions/lot-use", '{"requester": "%s"}', "requester"),
    ],
)
def test_lone_surrogates_and_nul_in_json_bodies_are_refused_and_nothing_is_stored(
    city_hall_api: Any, path: str, template: str, field: str, escape: str
) -> None:
    from eo13.obligations.models import CalendarFeed
    from eo13.policies.models import Policy

    before = (Policy.objects.count(), CalendarFeed.objects.count())
    _refused(city_hall_api.post(path, template % escape), (422,), field)
    assert (Policy.objects.count(), CalendarFeed.objects.count()) == before


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/encounters?agency=%00",
        "/api/v1/properties?q=a%00b",
        "/api/v1/agencies/AC%00S",
        "/api/v1/obligations?agency%00=ACS",
    ],
)
def test_nul_in_an_api_address_or_query_string_is_refused(lead_api: Any, url: str) -> None:
    path, _, query = url.partition("?")
    response = lead_api.client.get(path, QUERY_STRING=query, headers=lead_api.headers)
    _refused(response, (400,))


def test_nul_in_a_web_query_string_or_form_post_is_refused(make_user: Any, login: Any) -> None:
    web = login(make_user("agency_lead", "ACS"))
    assert web.get("/staff/obligations/", QUERY_STRING="agency=%00").status_code == 400
    assert Client().post("/accounts/login/", {"username": "a\x00b", "password": "x"}).status_code == 400


@pytest.mark.parametrize("path", ["/api/v1/policies", "/api/v1/decisions/lot-use", "/api/v1/calendar-feeds"])
@pytest.mark.parametrize("opener", ["[", '{"a":'])
def test_json_nested_100000_deep_is_a_clear_400(city_hall_api: Any, path: str, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    body = _refused(city_hall_api.post(path, opener * DEEP + "1" + closer * DEEP), (400,))
    assert "nests deeper" in body["error"]


def test_brackets_inside_json_strings_do_not_count_as_nesting(city_hall_api: Any) -> None:
    response = city_hall_api.post("/api/v1/calendar-feeds", {"agency": "ACS", "name": "[" * 60})
    assert response.status_code != 400


# ---- CSV imports: a field over the csv module's 131,072-character limit ----


def _colp_with_long_field(tmp_path: Path) -> Path:
    from eo13.access.sample import generate_rows, to_csv

    rows = generate_rows(3, seed=5)
    rows[1]["PARCELNAME"] = "x" * 131_073
    path = tmp_path / "colp.csv"
    path.write_text(to_csv(rows))
    return path


def test_import_properties_names_the_line_of_an_over_long_field_and_exits_2(db: Any, tmp_path: Path) -> None:
    from eo13.access.models import CityProperty

    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("import-properties", str(_colp_with_long_field(tmp_path)), stderr=err)
    assert exit_.value.code == 2
    assert "line 3: a field is longer than 131,072 characters" in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert CityProperty.objects.count() == 0


@pytest.mark.parametrize(
    ("command", "header"),
    [
        ("import-roster", "agency,staff_id,name,email,role_group,public_facing"),
        ("import-completions", "agency,staff_id,course,completed_on"),
    ],
)
def test_training_imports_name_the_line_of_an_over_long_field_and_exit_2(
    db: Any, tmp_path: Path, command: str, header: str
) -> None:
    path = tmp_path / "in.csv"
    path.write_text(header + "\nACS,S-1," + "x" * 131_073 + "\n")
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command(command, str(path), stderr=err)
    assert exit_.value.code == 2
    assert "line 2" in err.getvalue() and "131,072" in err.getvalue()
