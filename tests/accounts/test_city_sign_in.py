"""City sign-in against a real OpenID provider (issue 15): accounts from claims, roles from the group mapping,
group changes at the next sign-in, and a clear page with nothing created for every refusal."""

from html import unescape

import pytest

from eo13.accounts.models import GroupMapping, Membership, User
from eo13.audit.models import AuditEntry
from tests.oidc_provider import sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "login, agency, role, chair",
    [
        ("frontline-ana", "ACS", "frontline", False),
        ("lead-ben", "ACS", "agency_lead", False),
        ("privacy-cara", "ACS", "privacy_officer", False),
        ("cpo-dev", "MOIP", "chief_privacy_officer", False),
        ("cityhall-eli", "CITYHALL", "city_hall", False),
        ("chair-gus", "CITYHALL", "committee", True),
        ("committee-hana", "CITYHALL", "committee", False),
        ("auditor-ivan", "DOI", "auditor", False),
    ],
)
def test_first_sign_in_makes_the_account_with_the_mapped_role(city_sign_in, client, login, agency, role, chair):
    response = sign_in(client, login)
    assert response.status_code == 302 and response["Location"] == "/staff/"
    user = User.objects.get(oidc_subject=login)
    assert not user.has_usable_password()
    assert user.employee_id.startswith("E-")
    assert user.email == f"{user.employee_id.lower()}@example.nyc.test"
    assert [(m.agency.code, m.role, m.is_chair) for m in user.memberships.all()] == [(agency, role, chair)]
    assert AuditEntry.objects.filter(action="user.create_from_claims", object_id=str(user.pk)).exists()
    assert client.get("/staff/").status_code == 200


def test_the_sign_in_page_offers_the_city_account_first(city_sign_in, client):
    html = client.get("/accounts/login/").content.decode()
    assert html.index("Sign in with your City account") < html.index('name="password"')


def test_group_changes_take_effect_at_the_next_sign_in(city_sign_in, client):
    sign_in(client, "lead-ben")
    user = User.objects.get(oidc_subject="lead-ben")
    assert list(user.memberships.values_list("role", flat=True)) == ["agency_lead"]
    # City Hall now maps the person's other group too, and drops the lead group.
    GroupMapping.objects.filter(group="EO13-ACS-Lead").delete()
    GroupMapping.objects.create(group="Parks-Staff", agency_id=user.memberships.get().agency_id, role="frontline")
    client.post("/accounts/logout/")
    sign_in(client, "lead-ben")
    assert list(user.memberships.values_list("role", flat=True)) == ["frontline"]
    assert User.objects.filter(oidc_subject="lead-ben").count() == 1
    assert AuditEntry.objects.filter(action="user.memberships_from_groups", object_id=str(user.pk)).count() == 2


@pytest.mark.parametrize(
    "login, reason, words",
    [
        ("unmapped-jo", "unmapped", "Ask your agency's EO13 lead"),
        ("nogroups-kim", "missing_groups", "does not say which groups"),
    ],
)
def test_people_without_a_mapped_group_get_a_clear_page_and_no_account(city_sign_in, client, login, reason, words):
    users, memberships = User.objects.count(), Membership.objects.count()
    response = sign_in(client, login)
    assert response.status_code == 403
    html = unescape(response.content.decode())
    assert f'data-reason="{reason}"' in html and words in html
    assert (User.objects.count(), Membership.objects.count()) == (users, memberships)
    assert client.get("/staff/").status_code == 302  # not signed in


def test_a_known_person_whose_groups_no_longer_map_loses_every_right(city_sign_in, client):
    sign_in(client, "frontline-ana")
    client.post("/accounts/logout/")
    GroupMapping.objects.filter(group="EO13-ACS-Frontline").delete()
    response = sign_in(client, "frontline-ana")
    assert response.status_code == 403
    assert not Membership.objects.filter(user__oidc_subject="frontline-ana").exists()
    assert client.get("/staff/").status_code == 302


def test_a_switched_off_account_cannot_sign_in(city_sign_in, client):
    sign_in(client, "frontline-ana")
    client.post("/accounts/logout/")
    User.objects.filter(oidc_subject="frontline-ana").update(is_active=False)
    response = sign_in(client, "frontline-ana")
    assert response.status_code == 403 and b'data-reason="inactive"' in response.content


def test_local_passwords_can_be_turned_off(city_sign_in, client, make_user, settings):
    from tests.conftest import PASSWORD

    user = make_user("frontline", "ACS")
    settings.EO13_LOCAL_LOGIN = False
    html = client.get("/accounts/login/").content.decode()
    assert "Sign in with your City account" in html and 'name="password"' not in html
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 403
    assert client.get("/staff/").status_code == 302
    # The API's password exchange is closed too.
    api = client.post(
        "/api/v1/auth/token", {"username": user.username, "password": PASSWORD}, content_type="application/json"
    )
    assert api.status_code == 401


def test_sign_out_ends_the_session_and_offers_the_providers_sign_out(city_sign_in, client):
    sign_in(client, "frontline-ana")
    response = client.post("/accounts/logout/")
    html = response.content.decode()
    assert "You are signed out of EO13" in html
    assert f"{city_sign_in.issuer}/session/end?" in html.replace("&amp;", "&")
    assert "id_token_hint=" in html
    assert client.get("/staff/").status_code == 302
