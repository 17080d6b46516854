"""Issue 6 "Done when", in the browser: a demo agency's policy goes from draft to published, shows on the public
site at once in English, in Korean as English with a notice, then in Korean once the translation is approved;
the coverage board shows each step (EO 13 §2(1); Admin Code §23-1102)."""

import pytest

from eo13.agencies.models import Agency
from eo13.agencies.reference import load_agencies
from eo13.policies.languages import load_languages
from eo13.policies.models import DesignatedLanguage, PolicyTranslation
from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in

KOREAN_NOTICE = "이 정책은 아직 귀하의 언어로 번역되지 않았습니다"
TITLE = "Demo Officer Alpha at our sites"
BODY = "# At the door\n\nStay calm. Ask to see the warrant. Call agency counsel.\n\n<script>alert('x')</script>"


@pytest.fixture
def people(transactional_db, make_user):
    load_agencies(Agency)  # reference data comes from migrations; an earlier browser test's flush wipes it
    load_languages(DesignatedLanguage)
    return {
        "lead": make_user("agency_lead", "ACS", username="demo-acs-lead"),
        "law": make_user("agency_lead", "LAW", username="demo-law"),
        "moia": make_user("agency_lead", "MOIA", username="demo-moia"),
    }


def _sign_out(page):
    page.context.clear_cookies()


def test_draft_to_published_to_korean(live_server, browser, people):
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = ctx.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        # The ACS lead drafts the policy and sees the plain-language check before review.
        sign_in(page, live_server, "demo-acs-lead", PASSWORD)
        page.goto(f"{live_server.url}/staff/policies/new/")
        page.select_option("#id_agency", label="ACS — Administration for Children's Services")
        page.fill("#id_title", TITLE)
        page.fill("#id_body", BODY)
        page.fill("#id_change_summary", "First version.")
        page.get_by_role("button", name="Save draft").click()
        assert page.get_by_role("heading", name="Plain-language check").is_visible()
        assert "Reading grade" in page.content()
        page.get_by_role("button", name="Send to the Law Department for review").click()
        assert "In Law Department review" in page.content()

        # Nothing is public before the Law Department approves.
        page.goto(f"{live_server.url}/en/policies/acs/")
        assert TITLE not in page.content()

        # The Law Department approves: published that moment.
        _sign_out(page)
        # Issue 13: the reviewer finds it on their home page, under "Waiting for you", and clears it from there.
        sign_in(page, live_server, "demo-law", PASSWORD)
        page.goto(f"{live_server.url}/staff/")
        waiting = page.locator("section", has=page.get_by_role("heading", name="Waiting for you"))
        assert "Policies for Law Department review 1" in " ".join(waiting.inner_text().split())
        waiting.get_by_role("link", name=f"ACS: {TITLE} (version 1)").click()
        page.get_by_role("button", name="Approve and publish").click()
        assert "is now on the public site" in page.content()
        page.goto(f"{live_server.url}/staff/")
        assert "Nothing is waiting for you" in page.content()

        # The public site, signed out: English at once; Korean shows English with a notice in Korean.
        _sign_out(page)
        page.goto(f"{live_server.url}/en/policies/acs/")
        assert page.get_by_role("heading", name=TITLE).is_visible()
        assert page.locator("main script").count() == 0 and dialogs == []
        page.goto(f"{live_server.url}/ko/policies/acs/")
        assert page.locator("html").get_attribute("lang") == "ko"
        assert page.get_by_text(KOREAN_NOTICE).is_visible()
        assert page.locator(f"h2:has-text('{TITLE}')").get_attribute("lang") == "en"

        # MOIA's language-access staff upload the Korean translation; the agency lead approves it.
        sign_in(page, live_server, "demo-moia", PASSWORD)
        page.goto(f"{live_server.url}/staff/policies/")
        page.get_by_role("link", name=TITLE).click()
        page.get_by_role("link", name="Enter Korean").click()
        page.fill("#id_title", "우리 시설에 온 외부 경찰관")
        page.set_input_files(
            "#id_upload",
            files=[
                {
                    "name": "ko.md",
                    "mimeType": "text/markdown",
                    "buffer": "EO13-Version: 1\n침착하세요. 영장을 보여 달라고 하세요.".encode(),
                }
            ],
        )
        page.get_by_role("button", name="Save translation").click()
        assert "A second person must approve it" in page.content()
        assert page.get_by_role("link", name="Read and approve Korean").count() == 0  # not by the translator

        _sign_out(page)
        sign_in(page, live_server, "demo-acs-lead", PASSWORD)
        page.goto(f"{live_server.url}/staff/policies/coverage/")
        assert page.locator("td[data-language=ko]").inner_text() == "Waiting for approval"
        # The approver reads the Korean beside the English before approving (issue 13).
        page.goto(f"{live_server.url}/staff/")
        page.get_by_role("link", name=f"ACS: {TITLE}, in Korean").click()
        assert page.locator("[lang=ko]").get_by_text("침착하세요").is_visible()
        page.get_by_role("button", name="I have read it: approve the Korean translation").click()
        assert "Korean translation approved" in page.content()
        page.goto(f"{live_server.url}/staff/")
        assert "Nothing is waiting for you" in page.content()
        page.goto(f"{live_server.url}/staff/policies/coverage/")
        assert page.locator("td[data-language=ko]").inner_text() == "Current"
        assert page.locator("td[data-language=fr]").inner_text() == "Missing"

        # The Korean page now shows the Korean text, without the notice.
        _sign_out(page)
        page.goto(f"{live_server.url}/ko/policies/acs/")
        assert page.get_by_role("heading", name="우리 시설에 온 외부 경찰관").is_visible()
        assert page.get_by_text("침착하세요").is_visible()
        assert page.get_by_text(KOREAN_NOTICE).count() == 0
    finally:
        ctx.close()


def test_a_translation_uploaded_for_the_wrong_version_is_refused(live_server, browser, people):
    from eo13.policies import services

    lead, law = people["lead"], people["law"]
    policy = services.policy_create(actor=lead, agency=Agency.objects.get(code="ACS"), title=TITLE, body="Text one.")
    for body in (None, "Text two."):
        v = policy.versions.filter(status="draft").first() or services.version_start(actor=lead, policy=policy)
        if body:
            v = services.version_update(
                actor=lead, version=v, expected_version=v.version, title=TITLE, body=body, change_summary="Two."
            )
        v = services.version_submit(actor=lead, version=v, expected_version=v.version)
        services.version_approve(actor=law, version=v, expected_version=v.version)
    ctx = browser.new_context()
    page = ctx.new_page()
    try:
        sign_in(page, live_server, "demo-moia", PASSWORD)
        page.goto(f"{live_server.url}/staff/policies/{policy.pk}/translations/new/?language=ko")
        page.fill("#id_title", "제목")
        page.set_input_files(
            "#id_upload",
            files=[{"name": "ko.md", "mimeType": "text/plain", "buffer": "EO13-Version: 1\n옛 번역".encode()}],
        )
        page.get_by_role("button", name="Save translation").click()
        assert "but the published version is 2" in page.content()
        assert not PolicyTranslation.objects.exists()  # refused, and nothing stored
    finally:
        ctx.close()
