"""`eo13 sync-accounts FILE` (issue 15): HR's list of active staff switches off leavers, ends their sessions and
revokes their API tokens; a file with any bad row changes nothing, names each bad line, and exits 2."""

import pytest
from django.core.management import call_command

from eo13.accounts.models import APIToken, User
from eo13.accounts.tokens import token_create
from eo13.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _city_user(make_user, employee_id: str, role: str = "frontline") -> User:
    user = make_user(role, "ACS")
    user.employee_id = employee_id
    user.oidc_subject = f"sub-{employee_id}"
    user.save()
    return user


def _run(tmp_path, text: str, capsys) -> tuple[int, str, str]:
    path = tmp_path / "hr.csv"
    path.write_text(text)
    code = 0
    try:
        call_command("sync-accounts", str(path))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_leavers_are_switched_off_with_sessions_and_tokens(make_user, login, tmp_path, capsys):
    stays = _city_user(make_user, "E-1001")
    leaver = _city_user(make_user, "E-9999")
    break_glass = make_user("agency_lead", "ACS")  # a local account: no employee id, never touched
    session = login(leaver)
    _, raw = token_create(actor=leaver, name="script")
    code, out, _ = _run(tmp_path, "employee_id,agency\nE-1001,ACS\n", capsys)
    assert code == 0 and "1 account(s)" in out
    leaver.refresh_from_db()
    assert not leaver.is_active
    assert User.objects.get(pk=stays.pk).is_active and User.objects.get(pk=break_glass.pk).is_active
    assert session.get("/staff/").status_code == 302
    assert not APIToken.objects.filter(user=leaver, revoked_at__isnull=True).exists()
    from tests.conftest import APIClient

    assert APIClient(raw).get("/api/v1/me").status_code == 401
    assert AuditEntry.objects.filter(action="user.deactivate", object_id=str(leaver.pk)).exists()
    assert AuditEntry.objects.filter(action="accounts.sync_hr").exists()
    # The account stays, so everything it did stays attributed to it.
    assert User.objects.filter(pk=leaver.pk).exists()


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("employee_id,agency\nE-1001,NOPE\n", 2, "agency"),
        ("employee_id,agency\nE-1001,ACS\nE-1001,ACS\n", 3, "repeats line 2"),
        ("employee_id,agency\n,ACS\n", 2, "employee_id"),
        ("employee,agency\nE-1001,ACS\n", 1, "missing columns"),
        ("employee_id,agency\n", 1, "no rows"),
        ("employee_id,agency\nE-1001,ACS,extra\n", 2, "more fields"),
    ],
)
def test_a_bad_file_changes_nothing(make_user, tmp_path, capsys, text, line, words):
    leaver = _city_user(make_user, "E-9999")
    entries = AuditEntry.objects.count()
    code, out, err = _run(tmp_path, text, capsys)
    assert code == 2 and out == ""
    assert f"line {line}:" in err and words in err and "nothing was imported" in err
    leaver.refresh_from_db()
    assert leaver.is_active
    assert AuditEntry.objects.count() == entries


def test_a_leaver_cannot_sign_in_with_the_city_account(city_sign_in, client, tmp_path, capsys):
    from tests.oidc_provider import sign_in

    sign_in(client, "leaver-lou")
    assert client.get("/staff/").status_code == 200
    code, _, _ = _run(tmp_path, "employee_id,agency\nE-1001,ACS\n", capsys)
    assert code == 0
    assert client.get("/staff/").status_code == 302
    again = sign_in(client, "leaver-lou")
    assert again.status_code == 403 and b'data-reason="inactive"' in again.content


def test_the_api_sync_is_city_hall_only_and_all_or_nothing(make_user, api_as):
    from django.core.files.uploadedfile import SimpleUploadedFile

    leaver = _city_user(make_user, "E-9999")
    lead = api_as(make_user("agency_lead", "ACS"))
    city_hall = api_as(make_user("city_hall", "CITYHALL"))

    def upload(api, text):
        return api.client.post(
            "/api/v1/accounts/sync", {"file": SimpleUploadedFile("hr.csv", text.encode())}, headers=api.headers
        )

    assert upload(lead, "employee_id,agency\nE-1,ACS\n").status_code == 403
    bad = upload(city_hall, "employee_id,agency\nE-1,NOPE\n")
    assert bad.status_code == 422 and "line 2" in bad.json()["error"]
    assert User.objects.get(pk=leaver.pk).is_active
    ok = upload(city_hall, "employee_id,agency\nE-1,ACS\n")
    assert ok.status_code == 200 and ok.json()["deactivated"] == [leaver.username]
