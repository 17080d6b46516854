"""`eo13 bootstrap` loads reference data and, in demo mode only, one account per role (INTERFACES §1)."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from eo13.accounts.models import Role, User


@pytest.mark.django_db
@override_settings(EO13_DEMO=True)
def test_demo_accounts_one_per_role_printed_once(monkeypatch):
    monkeypatch.setenv("EO13_DEMO_PASSWORD", "demo-pass-for-tests-1")
    out = io.StringIO()
    call_command("bootstrap", stdout=out)
    names = {f"demo-{r.replace('_', '-')}" for r in Role.values}
    assert set(User.objects.filter(username__startswith="demo-").values_list("username", flat=True)) == names
    assert out.getvalue().count("password: demo-pass-for-tests-1") == len(names)
    lead = User.objects.get(username="demo-agency-lead")
    assert lead.memberships.get().agency.code == "ACS"
    assert lead.check_password("demo-pass-for-tests-1")
    again = io.StringIO()
    call_command("bootstrap", stdout=again)
    assert "password" not in again.getvalue()


@pytest.mark.django_db
@override_settings(EO13_DEMO=False)
def test_no_demo_accounts_outside_demo_mode():
    call_command("bootstrap", stdout=io.StringIO())
    assert not User.objects.filter(username__startswith="demo-").exists()
