"""Issue 10: `eo13 due` and GET /api/v1/obligations/due refuse what the order does not make due (INTERFACES §3)."""

import json

import pytest
from django.core.management import call_command


def _due(capsys, *args):
    with pytest.raises(SystemExit) as info:
        call_command("due", *args)
    err = json.loads(capsys.readouterr().err)
    return info.value.code, err


@pytest.mark.parametrize(
    "args, field",
    [
        (["order-issued", "20260206"], "date"),
        (["order-issued", "2026-W06-5"], "date"),
        (["order-issued", "2026-02-07"], "date"),  # the order was issued on one day only (EO 13 §9)
        (["privacy-officer-vacancy", "2026-01-15", "--agency", "DOT"], "date"),  # before the order: no duty
        (["order-issued", "2026-02-06", "--agency", ""], "agency"),
        (["order-issued", "2026-02-06", "--agency", "  "], "agency"),
    ],
)
def test_cli_refusals_exit_2_with_a_clear_error(capsys, args, field):
    code, err = _due(capsys, *args)
    assert code == 2 and err["field"] == field and err["error"]


def test_cli_the_order_date_and_a_direction_from_the_mayor(capsys):
    call_command("due", "order-issued", "2026-02-06", "--json")
    rows = json.loads(capsys.readouterr().out)
    reports = [r for r in rows if r["obligation"] == "s7_1_f_mayor_reports"]
    assert [r["due"] for r in reports] == [None]  # no invented 90-day cycle (EO 13 §7(1)(f))
    call_command("due", "mayor-direction", "2026-09-15", "--json")
    directed = json.loads(capsys.readouterr().out)
    assert [(r["obligation"], r["due"]) for r in directed] == [("s7_1_f_mayor_reports", "2026-09-15")]


@pytest.mark.parametrize(
    "query, field",
    [
        ("event=order-issued&date=20260206", "date"),
        ("event=order-issued&date=2026-W06-5", "date"),
        ("event=order-issued&date=2026-03-01", "date"),
        ("event=privacy-officer-vacancy&date=2026-01-15&agency=DOT", "date"),
        ("event=order-issued&date=2026-02-06&agency=", "agency"),
    ],
)
def test_api_refusals(db, api_as, make_user, query, field):
    r = api_as(make_user("agency_lead", "ACS")).get(f"/api/v1/obligations/due?{query}")
    assert r.status_code == 422, r.content
    assert field in json.dumps(r.json())


def test_api_event_dates_are_strict(order_issued, api_as, make_user):
    cpo = api_as(make_user("chief_privacy_officer", "MOIP"))
    r = cpo.post("/api/v1/obligation-events", {"event": "privacy-officer-vacancy", "on": "20260601", "agency": "DOT"})
    assert r.status_code == 422
