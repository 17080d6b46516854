"""The read-only auditor and users with no role read; they add no decision-log or audit rows (issue 9, Low)."""

import pytest

from eo13.access.models import DecisionLog
from eo13.accounts.models import User
from eo13.audit.models import AuditEntry
from tests.conftest import PASSWORD
from tests.law.facts_builders import lot_use


@pytest.fixture
def no_role(db):
    return User.objects.create_user(username="no-role-person", password=PASSWORD)


@pytest.mark.parametrize("who", ["auditor", "no_role"])
def test_read_only_users_cannot_create_decisions_through_the_api(api_as, make_user, no_role, who):
    user = make_user("auditor", "DOI") if who == "auditor" else no_role
    api = api_as(user)
    before = AuditEntry.objects.count()
    r = api.post("/api/v1/decisions/lot-use", lot_use())
    assert r.status_code == 403
    assert "reads records only" in r.json()["error"]
    r = api.post("/api/v1/decisions/warrant", [{"issued_by": "immigration_officer"}])
    assert r.status_code == 403
    assert not DecisionLog.objects.exists()
    assert not AuditEntry.objects.filter(action="decision.record").exists()
    assert AuditEntry.objects.count() == before


@pytest.mark.parametrize("who", ["auditor", "no_role"])
def test_read_only_users_cannot_use_the_web_guide(login, make_user, no_role, who):
    user = make_user("auditor", "DOI") if who == "auditor" else no_role
    client = login(user)
    assert client.get("/staff/access/guide/").status_code == 403
    assert client.post("/staff/access/guide/", {"start": "warrant"}).status_code == 403
    assert not DecisionLog.objects.exists()


def test_staff_with_a_working_role_still_decide(api_as, make_user):
    assert api_as(make_user("frontline", "ACS")).post("/api/v1/decisions/lot-use", lot_use()).status_code == 200
    assert DecisionLog.objects.count() == 1
