"""Accessibility of the public site (WCAG 2.1 AA; DESIGN "Plain and accessible"): axe-core in headless Chromium
on every public page in English, Spanish, Chinese and Arabic, a keyboard-only walk, and 200% text."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from eo13.agencies.models import Agency
from eo13.agencies.reference import load_agencies
from eo13.policies import services
from eo13.policies.languages import load_languages
from eo13.policies.models import DesignatedLanguage

PAGES = ["", "policies/", "policies/acs/", "rights/", "order/", "figures/"]
AXE_LANGS = ["en", "es", "zh-hant", "ar"]
BODY = "# What staff do\n\n- Stay calm.\n- Ask to see a warrant signed by a judge.\n\nCall agency counsel when unsure."


@pytest.fixture
def reference_data(transactional_db):
    # Reference data comes from migrations; the flush after an earlier browser test wipes it.
    load_agencies(Agency)
    load_languages(DesignatedLanguage)


@pytest.fixture
def site(reference_data, live_server, make_user):
    """A published demo policy for ACS (with a Spanish translation only), so the agency page has content,
    the Spanish page shows the translation and the others show the English with a notice."""
    lead, law, moia = make_user("agency_lead", "ACS"), make_user("agency_lead", "LAW"), make_user("agency_lead", "MOIA")
    policy = services.policy_create(actor=lead, agency=Agency.objects.get(code="ACS"), title="Demo policy", body=BODY)
    v = policy.versions.get()
    v = services.version_submit(actor=lead, version=v, expected_version=v.version)
    services.version_approve(actor=law, version=v, expected_version=v.version)
    t = services.translation_submit(
        actor=moia,
        policy=policy,
        language_code="es",
        version_number=1,
        title="Política demo",
        body="- Mantenga la calma.",
    )
    services.translation_approve(actor=lead, translation=t, expected_version=t.edit_version)
    return live_server


@pytest.mark.parametrize("lang", AXE_LANGS)
def test_axe_finds_no_violation_on_any_public_page(site, desktop, lang):
    axe = Axe()
    failures = {}
    for page_path in PAGES:
        desktop.goto(f"{site.url}/{lang}/{page_path}")
        results = axe.run(desktop)
        if results.violations_count:
            failures[page_path] = results.generate_report()
    assert failures == {}


def test_axe_on_a_phone_in_arabic_right_to_left(site, phone):
    phone.goto(f"{site.url}/ar/policies/acs/")
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    assert Axe().run(phone).violations_count == 0


def _number_focusables(page):
    """Number every element a keyboard user should reach, so two identical links still count twice."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'))
            .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0)
            .map((e, i) => { e.dataset.kb = String(i); return i; })"""
    )


@pytest.mark.parametrize("page_path", PAGES)
def test_keyboard_alone_reaches_every_link_and_control(site, desktop, page_path):
    desktop.goto(f"{site.url}/en/{page_path}")
    expected = _number_focusables(desktop)
    reached = []
    for _ in range(len(expected) + 5):
        desktop.keyboard.press("Tab")
        index, visible, left_page = desktop.evaluate(
            """() => { const e = document.activeElement; const s = getComputedStyle(e);
                return [e.dataset.kb ?? null, s.outlineStyle !== 'none' || s.boxShadow !== 'none',
                        e === document.body] }"""
        )
        if left_page or index in reached:  # past the last control, focus leaves the page
            break
        reached.append(index)
        assert visible, f"no visible focus on element {index}"
    assert sorted(int(i) for i in reached if i is not None) == expected


def test_skip_link_moves_focus_to_the_main_content(site, desktop):
    desktop.goto(f"{site.url}/es/rights/")
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.className") == "usa-skipnav"
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("document.activeElement.id") == "main-content"


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("page_path", PAGES)
def test_text_at_200_percent_stays_usable(site, browser, lang, page_path):
    ctx = browser.new_context(viewport={"width": 640, "height": 800})
    page = ctx.new_page()
    try:
        page.goto(f"{site.url}/{lang}/{page_path}")
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        # Nothing scrolls sideways, and every link still has room to be seen and pressed.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        tiny = page.evaluate(
            """() => Array.from(document.querySelectorAll('main a, header a, footer a'))
               .filter(a => a.getClientRects().length && (a.offsetWidth < 8 || a.offsetHeight < 8))
               .map(a => a.textContent)"""
        )
        assert tiny == []
    finally:
        ctx.close()


def test_public_pages_work_without_javascript(site, browser):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    try:
        page.goto(f"{site.url}/ko/policies/acs/")
        assert page.locator("h1").first.is_visible()
        page.get_by_role("link", name="Español").click()
        assert page.url.endswith("/es/policies/acs/")
        assert page.get_by_text("Política demo").is_visible()
    finally:
        ctx.close()


def test_the_axe_check_can_fail(site, desktop):
    """Guard against a check that always passes: a picture without text is caught."""
    desktop.goto(f"{site.url}/en/")
    desktop.evaluate("document.querySelector('main').appendChild(document.createElement('img'))")
    results = Axe().run(desktop)
    assert results.violations_count >= 1 and "image-alt" in results.generate_report()


def _fonts_for(page, selector):
    """The fonts Chromium really drew a node's text with (DevTools protocol), so missing glyphs ("tofu") show up."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


@pytest.mark.parametrize("lang", ["zh-hant", "ko"])
def test_chinese_and_korean_pages_are_drawn_with_cjk_fonts(site, phone, lang):
    """Issue 13: the Chinese pages are checked in a browser with CJK fonts installed by `make test` (without them,
    Chromium draws the heading with a Latin font's empty boxes)."""
    phone.goto(f"{site.url}/{lang}/")
    fonts = _fonts_for(phone, "h1")
    assert any("CJK" in f["familyName"] and f["glyphCount"] > 0 for f in fonts), fonts


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_right_to_left_pages_fit_a_phone(site, phone, lang):
    """Hidden helper text must not widen an Arabic or Urdu page (a phone would zoom out and taps would miss)."""
    wide = {}
    for page_path in PAGES:
        phone.goto(f"{site.url}/{lang}/{page_path}")
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide[page_path] = width
    assert wide == {}
