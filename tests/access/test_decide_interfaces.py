"""`eo13 decide` and POST /api/v1/decisions/{kind}: the same decisions, the same errors (INTERFACES §2)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eo13.access.models import DecisionLog
from eo13.audit.models import AuditEntry
from tests.law.facts_builders import lot_use, property_access

EO13 = str(Path(sys.executable).parent / "eo13")
# `eo13 decide` runs in its own process on the real clock, and decisions carry the day they were made (as_of).
pytestmark = pytest.mark.real_clock


def cli(args, stdin, **env):
    full = {**os.environ, **env}
    return subprocess.run([EO13, "decide", *args], input=stdin, capture_output=True, text=True, env=full, timeout=60)


def test_cli_needs_no_database(tmp_path):
    r = cli(
        ["lot-use"],
        json.dumps(lot_use()),
        DATABASE_URL=f"sqlite:///{tmp_path}/nowhere/x.sqlite3",
        EO13_VAR_DIR=str(tmp_path),
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["outcome"] == "not_permitted"


@pytest.mark.parametrize(
    "args, stdin, field",
    [
        (["lot-use"], json.dumps(lot_use(use="parade")), "use"),
        (["lot-use"], "{not json", "facts"),
        (
            ["warrant"],
            json.dumps([{"issued_by": "article_iii_judge", "authorizes": []}, {"issued_by": "x"}]),
            "[1].issued_by",
        ),
        (["nonsense"], "{}", "kind"),
        (["property-access", "--facts", "/no/such/file.json"], "", "facts"),
    ],
)
def test_cli_bad_facts_exit_2_with_json_error_and_empty_stdout(args, stdin, field):
    r = cli(args, stdin)
    assert r.returncode == 2
    assert r.stdout == ""
    err = json.loads(r.stderr)
    assert err["field"] == field and err["error"]


def test_cli_batch_and_file(tmp_path):
    f = tmp_path / "facts.json"
    f.write_text(json.dumps([lot_use(), lot_use(exceptions=["required_by_law"])]))
    r = cli(["lot-use", "--facts", str(f)], "")
    assert [d["outcome"] for d in json.loads(r.stdout)] == ["not_permitted", "permitted"]


def test_cli_partial():
    r = cli(["lot-use", "--partial"], json.dumps({"personnel": {"employer": "federal", "enforces_laws": True}}))
    out = json.loads(r.stdout)
    assert out["outcome"] == "unknown" and out["missing"][0] == "property"


@pytest.mark.parametrize(
    "kind, facts",
    [
        ("lot-use", lot_use()),
        ("lot-use", lot_use(exceptions=["judicial_warrant", "formal_agreement"])),
        ("lot-use", lot_use(personnel={"employer": "city", "enforces_laws": True})),
        ("property-access", property_access(emergency=True)),
        ("warrant", {"issued_by": "immigration_officer", "authorizes": ["custody"], "form": "I-200"}),
        # Issue 10: the immigration_enforcement fact (Admin Code §10-178, EO 13 §4), both kinds, both answers.
        ("lot-use", lot_use(exceptions=["exigent_circumstances"], immigration_enforcement=True)),
        ("lot-use", lot_use(immigration_enforcement=True)),
        ("property-access", property_access(emergency=True, immigration_enforcement=True)),
        ("property-access", property_access(date="2025-12-01", immigration_enforcement=False)),
        ("lot-use", lot_use(personnel={"employer": "other_state", "enforces_laws": True})),
    ],
)
def test_api_and_cli_give_the_same_decision(api_as, make_user, kind, facts):
    api = api_as(make_user("frontline", "ACS"))
    r = api.post(f"/api/v1/decisions/{kind}", facts)
    assert r.status_code == 200
    body = r.json()
    from_cli = json.loads(cli([kind], json.dumps(facts)).stdout)
    for key in ("kind", "outcome", "reasons", "citations", "rules_version", "as_of", "conflict"):
        assert body.get(key) == from_cli.get(key)
    # The API adds whom to call, from the agency registry.
    assert any("Your agency counsel" in s for s in body["next_steps"])
    log = DecisionLog.objects.get(pk=body["decision_id"])
    assert log.agency.code == "ACS" and log.outcome == body["outcome"] and log.channel == "api"
    assert log.facts.get("immigration_enforcement") == facts.get("immigration_enforcement")
    assert AuditEntry.objects.filter(action="decision.record", object_id=str(log.pk)).exists()


@pytest.mark.parametrize("partial", [False, True])
def test_the_answer_is_the_decision_as_logged_with_its_id(api_as, make_user, partial):
    """One decision is answered with the JSON text written to the log (encoded once, issue 14): the same object,
    the key last, as JSON."""
    api = api_as(make_user("frontline", "ACS"))
    facts = lot_use(exceptions=["exigent_circumstances"]) if not partial else {"use": "staging_area"}
    r = api.post(f"/api/v1/decisions/lot-use{'?partial=true' if partial else ''}", facts)
    assert r.status_code == 200 and r["Content-Type"] == "application/json; charset=utf-8"
    body = r.json()
    log = DecisionLog.objects.get(pk=body["decision_id"])
    assert body == log.decision | {"decision_id": log.pk}
    assert list(body)[-1] == "decision_id" and ("missing" in body) is partial
    batch = api.post("/api/v1/decisions/lot-use", [facts, facts] if not partial else [lot_use()]).json()
    assert [b | {"decision_id": 0} for b in batch] == [
        DecisionLog.objects.get(pk=b["decision_id"]).decision | {"decision_id": 0} for b in batch
    ]


@pytest.mark.parametrize(
    "kind, body, field",
    [
        ("lot-use", lot_use(use="parade"), "use"),
        ("lot-use", "{broken", "facts"),
        ("warrant", [{"issued_by": "article_iii_judge", "authorizes": ["x"]}], "[0].authorizes[0]"),
        ("unknown-kind", {}, "kind"),
    ],
)
def test_api_bad_facts_get_422_and_log_nothing(api_as, make_user, kind, body, field):
    r = api_as(make_user("frontline", "ACS")).post(f"/api/v1/decisions/{kind}", body)
    assert r.status_code == 422
    assert r.json()["field"] == field
    assert not DecisionLog.objects.exists()


def test_api_batch_and_partial(api_as, make_user):
    api = api_as(make_user("frontline", "DOC"))
    r = api.post("/api/v1/decisions/property-access?partial=true", [{"requester": "other"}, {"area": "non_public"}])
    out = r.json()
    assert [d["outcome"] for d in out] == ["not_covered", "unknown"]
    assert out[1]["missing"]


def test_decisions_need_sign_in(api_as, db):
    assert api_as(None).post("/api/v1/decisions/lot-use", lot_use()).status_code == 401


def test_property_and_agreement_ids_are_resolved(api_as, make_user, city_lot):
    from datetime import date

    from eo13.access.services import agreement_create
    from eo13.agencies.models import Agency

    lead = make_user("agency_lead", "DCAS")
    agreement_create(
        actor=lead,
        agency=Agency.objects.get(code="DCAS"),
        reference="DEMO-T-1",
        kind="formal_agreement",
        title="Fictional",
        parties="Fictional parties",
        valid_from=date(2026, 1, 1),
        valid_to=date(2026, 6, 30),
        bbls=[city_lot.bbl],
        uses=["staging_area"],
    )
    api = api_as(make_user("frontline", "DCAS"))
    facts = lot_use(property_id=city_lot.bbl, agreement_id="DEMO-T-1")
    del facts["property"]
    ok = api.post("/api/v1/decisions/lot-use", facts).json()
    assert ok["outcome"] == "permitted" and "EO 13 §3(1)" in ok["citations"]
    # Each part of the agreement must hold: the date, the place, the use.
    late = api.post("/api/v1/decisions/lot-use", facts | {"date": "2026-07-01"}).json()
    assert late["outcome"] == "not_permitted"
    assert any("ended on 2026-06-30" in r["text"] for r in late["reasons"])
    wrong_use = api.post("/api/v1/decisions/lot-use", facts | {"use": "processing_location"}).json()
    assert any("does not cover this use" in r["text"] for r in wrong_use["reasons"])
    unknown = api.post("/api/v1/decisions/lot-use", facts | {"agreement_id": "NOPE"})
    assert unknown.status_code == 422 and unknown.json()["field"] == "agreement_id"


def test_decision_log_is_scoped(api_as, make_user):
    acs = make_user("frontline", "ACS")
    api_as(acs).post("/api/v1/decisions/lot-use", lot_use())
    assert len(api_as(make_user("agency_lead", "ACS")).get("/api/v1/decision-log").json()) == 1
    assert api_as(make_user("agency_lead", "DOC")).get("/api/v1/decision-log").json() == []
    assert len(api_as(make_user("auditor", "DOI")).get("/api/v1/decision-log").json()) == 1
    assert len(api_as(acs).get("/api/v1/decision-log").json()) == 1  # their own
    assert api_as(make_user("frontline", "ACS")).get("/api/v1/decision-log").json() == []


def test_openapi_documents_the_decision_facts(client, db):
    doc = client.get("/api/v1/openapi.json").json()
    body = doc["paths"]["/api/v1/decisions/{kind}"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    schemas = json.dumps(body)
    assert "law_enforcement_purpose" in schemas and "issued_by" in schemas and "authorized_by_city_personnel" in schemas
    assert "immigration_enforcement" in schemas and "not_government" in schemas and "other_state" in schemas


@pytest.mark.parametrize(
    "kind, facts",
    [
        ("lot-use", lot_use(exceptions=["formal_agreement"])),
        ("property-access", property_access()),
        ("warrant", {"issued_by": "court_clerk", "authorizes": ["search"]}),
    ],
)
def test_a_logged_decision_can_be_replayed(api_as, make_user, kind, facts):
    from eo13.law.decide import decide

    api_as(make_user("frontline", "ACS")).post(f"/api/v1/decisions/{kind}", facts)
    log = DecisionLog.objects.get()
    replayed = decide(log.kind, log.facts, today=log.as_of, partial=log.partial).as_dict()
    assert replayed["outcome"] == log.outcome and replayed["rules_version"] == log.rules_version
    assert replayed["reasons"] == log.decision["reasons"]
