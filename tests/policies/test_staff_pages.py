"""Staff pages: scoped by role and agency, and bad input shows a clear error and changes nothing."""

import io

import pytest

from eo13.accounts.models import User
from eo13.policies import bootstrap
from eo13.policies.models import DesignatedLanguage, Policy, PolicyTranslation

pytestmark = pytest.mark.django_db


def test_lead_sees_own_agency_and_not_others(login, published, make_user):
    assert login(make_user("agency_lead", "ACS")).get(f"/staff/policies/{published.pk}/").status_code == 200
    other = login(make_user("agency_lead", "DOC"))
    assert other.get(f"/staff/policies/{published.pk}/").status_code == 404
    assert "Outside officers" not in other.get("/staff/policies/").content.decode()


def test_frontline_cannot_start_a_policy(login, make_user):
    response = login(make_user("frontline", "ACS")).post(
        "/staff/policies/new/", {"agency": 1, "title": "X", "body": "Y"}, follow=True
    )
    assert "Only an agency" in response.content.decode() and not Policy.objects.exists()


def test_edit_page_shows_the_plain_language_report(login, draft, lead):
    html = login(lead).get(f"/staff/policies/versions/{draft.versions.get().pk}/").content.decode()
    assert "Plain-language check" in html and "Reading grade" in html


def test_wrong_version_upload_shows_an_error_and_stores_nothing(login, published, translator):
    upload = io.BytesIO("EO13-Version: 7\n번역".encode())
    upload.name = "ko.md"
    response = login(translator).post(
        f"/staff/policies/{published.pk}/translations/new/",
        {"language": "ko", "version": 1, "title": "제목", "upload": upload},
    )
    assert response.status_code == 200 and "but the published version is 1" in response.content.decode()
    assert not PolicyTranslation.objects.exists()


@pytest.mark.parametrize("url", ["/staff/policies/", "/staff/policies/coverage/", "/staff/policies/materials/"])
def test_pages_need_sign_in(client, url):
    assert client.get(url).status_code == 302


def test_bootstrap_is_idempotent_and_makes_a_demo_policy(settings):
    settings.EO13_DEMO = True
    out = io.StringIO()
    bootstrap.run(out)
    bootstrap.run(out)
    assert DesignatedLanguage.objects.count() == 10
    policy = Policy.objects.get(agency__code="ACS")
    assert policy.current_version.number == 1
    assert list(PolicyTranslation.objects.values_list("language__code", "status")) == [("es", "approved")]
    reviewer = User.objects.get(username="law-reviewer-demo")
    assert reviewer.password == User.objects.get(username="demo-agency-lead").password
    assert reviewer.memberships.get().agency.code == "LAW"
