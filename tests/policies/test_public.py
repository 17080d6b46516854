"""The public site (INTERFACES §6; EO 13 §2(1), §5(3), §5(4)): languages, notices, caching, figures."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from eo13.agencies.models import Agency
from eo13.policies import services

pytestmark = pytest.mark.django_db

LANGS = [code for code, _ in settings.LANGUAGES]
PAGES = ["", "policies/", "policies/acs/", "rights/", "order/", "figures/"]
KOREAN_NOTICE = "이 정책은 아직 귀하의 언어로 번역되지 않았습니다"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _html_tag(html: str) -> str:
    return re.search(r"<html[^>]*>", html).group(0)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_every_language_has_lang_and_dir(client, lang, page):
    response = client.get(f"/{lang}/{page}")
    assert response.status_code == 200
    direction = "rtl" if lang in ("ar", "ur") else "ltr"
    assert _html_tag(response.content.decode()) == f'<html lang="{lang}" dir="{direction}">'


def test_root_sends_the_visitor_to_their_language(client):
    assert client.get("/", headers={"accept-language": "ko-KR,ko;q=0.9"})["Location"] == "/ko/"
    assert client.get("/", headers={"accept-language": "ht"})["Location"] == "/ht/"


@pytest.mark.parametrize(
    "accept, expected_lang, words",
    [
        ("es", "es", "No pudimos encontrar esa página."),
        ("ko", "ko", "그 페이지를 찾을 수 없습니다."),
        ("", "en", "We could not"),
    ],
)
@pytest.mark.parametrize("path", ["/xx/policies/", "/de/", "/zz-top/rights/"])
def test_unknown_language_gives_404_in_the_likely_language(client, accept, expected_lang, words, path):
    response = client.get(path, headers={"accept-language": accept} if accept else {})
    assert response.status_code == 404
    html = response.content.decode()
    assert f'lang="{expected_lang}"' in _html_tag(html) and words in html


def test_unknown_agency_is_a_404(client):
    assert client.get("/es/policies/nosuch/").status_code == 404


def test_language_switcher_links_to_the_same_page_in_every_language(client):
    html = client.get("/en/rights/").content.decode()
    for code in LANGS:
        assert f'href="/{code}/rights/" lang="{code}" hreflang="{code}"' in html


def test_published_policy_shows_at_once_then_korean_notice_then_translation(
    client, draft, lead, reviewer, translate, django_capture_on_commit_callbacks
):
    assert "Outside officers at our sites" not in client.get("/en/policies/acs/").content.decode()
    assert "Outside officers at our sites" not in client.get("/ko/policies/acs/").content.decode()
    v = draft.versions.get()
    v = services.version_submit(actor=lead, version=v, expected_version=v.version)
    with django_capture_on_commit_callbacks(execute=True):
        services.version_approve(actor=reviewer, version=v, expected_version=v.version)
    english = client.get("/en/policies/acs/").content.decode()
    assert "Outside officers at our sites" in english and "History of changes" in english
    korean = client.get("/ko/policies/acs/").content.decode()
    assert KOREAN_NOTICE in korean
    assert '<h2 id="policy-' in korean and 'lang="en" dir="ltr">Outside officers at our sites</h2>' in korean
    with django_capture_on_commit_callbacks(execute=True):
        translate(draft, "ko")
    korean = client.get("/ko/policies/acs/").content.decode()
    assert "[ko] title" in korean and KOREAN_NOTICE not in korean


def test_history_lists_every_published_version_with_its_summary(client, published, publish):
    publish(published, body="Second text.", summary="Added a phone line for staff.")
    html = client.get("/en/policies/acs/").content.decode()
    assert "Version 2," in html and "Added a phone line for staff." in html and "First version." in html
    assert "Second text." in html


def test_public_pages_are_cached_and_revalidated(client, django_assert_num_queries):
    first = client.get("/en/order/")
    assert first["X-EO13-Cache"] == "miss" and "must-revalidate" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = client.get("/en/order/")
    assert second["X-EO13-Cache"] == "hit"
    assert client.get("/en/order/", headers={"if-none-match": first["ETag"]}).status_code == 304


def test_publishing_clears_the_cache(client, draft, lead, reviewer, django_capture_on_commit_callbacks):
    assert "Outside officers" not in client.get("/en/policies/acs/").content.decode()
    v = draft.versions.get()
    v = services.version_submit(actor=lead, version=v, expected_version=v.version)
    with django_capture_on_commit_callbacks(execute=True):
        services.version_approve(actor=reviewer, version=v, expected_version=v.version)
    assert "Outside officers" in client.get("/en/policies/acs/").content.decode()


def test_pages_are_small(client):
    for page in PAGES:
        assert len(client.get(f"/ar/{page}").content) < 30_000


def test_policy_bodies_are_sanitized_on_the_public_page(client, lead, publish):
    policy = services.policy_create(
        actor=lead, agency=Agency.objects.get(code="ACS"), title="Safe", body="Hi <script>alert(1)</script>"
    )
    publish(policy)
    html = client.get("/en/policies/acs/").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_small_counts_of_people_or_encounters_are_suppressed_but_not_counts_of_policies(client, lead, publish):
    """Issue 13: "fewer than 5" protects people; 2 published policies point to no one and show as 2."""
    from eo13.access.models import Encounter

    for n in range(2):
        publish(services.policy_create(actor=lead, agency=Agency.objects.get(code="ACS"), title=f"P{n}", body="Text."))
    assert Encounter.objects.count() < 5
    cache.clear()
    html = client.get("/es/figures/").content.decode()
    row = re.search(r"Políticas de agencias publicadas en línea</th><td>(.*?)</td><td>(.*?)</td>", html)
    assert row.group(1) == "2" and row.group(2) == "En la fecha de arriba"
    encounters = re.search(
        r"<th scope=\"row\">[^<]*</th><td>(.*?)</td><td>(.*?)</td>"
        r"<td><span class=\"eo13-cite\" dir=\"ltr\">Admin Code §10-178",
        html,
    )
    assert encounters.group(1) == "menos de 5" and encounters.group(2) == "Todos los registros hasta ahora"


def test_every_figure_says_its_period_and_the_date_it_is_as_of(client, db):
    html = client.get("/en/figures/").content.decode()
    assert re.search(r"Figures as of \d{4}-\d{2}-\d{2}\.", html)
    rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", html)
    assert rows and all(("All records so far" in r) or ("On the date above" in r) for r in rows)


def test_signed_in_staff_get_fresh_pages(published, lead):
    staff = Client()
    staff.force_login(lead)
    assert "X-EO13-Cache" not in staff.get("/en/policies/acs/")


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_codes_and_citations_stay_left_to_right_on_rtl_pages(client, db, lang):
    """Issue 13: in Arabic "I-205" showed as "205-I" and "8 U.S.C. §1362" as "U.S.C. §1362 8"."""
    html = client.get(f"/{lang}/rights/").content.decode()
    assert '<bdi dir="ltr">I-205</bdi>' in html and '<bdi dir="ltr">I-200</bdi>' in html
    assert '<span class="eo13-cite" dir="ltr">8 U.S.C. §1362</span>' in html
    assert 'class="eo13-cite">' not in html, "every citation is isolated"
    order = client.get(f"/{lang}/order/").content.decode()
    assert '<dt><bdi dir="ltr">EO 13 §3</bdi>' in order


def test_the_ltr_codes_filter_escapes_what_it_wraps():
    from eo13.policies.templatetags.eo13_bidi import ltr_codes

    assert ltr_codes("<b>Form I-205</b> and §10-178(d)") == (
        '&lt;b&gt;Form <bdi dir="ltr">I-205</bdi>&lt;/b&gt; and <bdi dir="ltr">§10-178(d)</bdi>'
    )


@pytest.mark.parametrize("lang", ["en", "es", "ar"])
def test_the_public_home_is_cached_per_language(client, db, lang, django_assert_num_queries):
    """Issue 14: the home page is kept like the other public pages, one copy for each language."""
    first = client.get(f"/{lang}/")
    assert first.status_code == 200 and first["X-EO13-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(f"/{lang}/")
    assert second["X-EO13-Cache"] == "hit" and second.content == first.content
    assert client.get(f"/{lang}/", headers={"if-none-match": first["ETag"]}).status_code == 304


def test_the_public_home_is_drawn_again_after_a_publish(
    client, draft, lead, reviewer, django_capture_on_commit_callbacks
):
    """An approval clears every kept public page, the home page too (EO 13 §2(1): changes shown promptly)."""
    client.get("/en/")
    assert client.get("/en/")["X-EO13-Cache"] == "hit"
    v = draft.versions.get()
    v = services.version_submit(actor=lead, version=v, expected_version=v.version)
    with django_capture_on_commit_callbacks(execute=True):
        services.version_approve(actor=reviewer, version=v, expected_version=v.version)
    assert client.get("/en/")["X-EO13-Cache"] == "miss"


def test_signed_in_staff_get_a_fresh_home_page(lead):
    staff = Client()
    staff.force_login(lead)
    assert "X-EO13-Cache" not in staff.get("/en/")
