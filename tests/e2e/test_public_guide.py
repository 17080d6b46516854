"""The public guide for City contractors' staff (issue 13) in a real browser: on a phone in Spanish and Arabic to an
answer, the browser's Back button keeps the last answer, and axe-core finds nothing on any screen in en and ar."""

import pytest
from axe_playwright_python.sync_playwright import Axe

# Each screen of one run: the query string that shows it.
SCREENS = [
    "",
    "?want=enter",
    "?want=enter&place=city",
    "?want=enter&place=city&paper=yes",
    "?want=enter&place=city&paper=yes&signer=judge",
    "?want=enter&place=city&paper=yes&signer=judge&purpose=other",
    "?want=enter&place=city&paper=yes&signer=officer",
    "?want=lot&place=city&paper=no",
    "?want=info",
]


def choose(page, value):
    # USWDS draws its own radio buttons; a person taps the label.
    page.locator(f"label[for$='-{value}']").click()


def next_(page):
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_spanish_on_a_phone_to_an_answer_and_back(live_server, phone):
    page = phone
    page.goto(f"{live_server.url}/es/guide/")
    assert page.locator("h1").inner_text() == "Agentes en su puerta: una guía para contratistas de la Ciudad"
    assert fits(page)
    choose(page, "enter")
    next_(page)
    assert "¿De quién es el lugar?" in page.locator("h1").inner_text()
    choose(page, "city")
    next_(page)
    choose(page, "yes")
    next_(page)
    assert "¿Quién firmó el papel?" in page.locator("h1").inner_text()
    choose(page, "officer")
    next_(page)
    assert page.locator("h1").inner_text() == "Qué hacer"
    assert "No los deje entrar en áreas que no están abiertas al público." in page.locator("main").inner_text()
    assert "MOIA" in page.locator("main").inner_text()
    assert fits(page)
    # Back: the previous question, its answer kept.
    page.go_back()
    page.wait_for_load_state()
    assert "¿Quién firmó el papel?" in page.locator("h1").inner_text()
    assert page.locator("#signer-officer").is_checked()
    page.go_back()
    page.wait_for_load_state()
    assert page.locator("#paper-yes").is_checked()


def test_arabic_on_a_phone_is_right_to_left_and_keeps_form_numbers_left_to_right(live_server, phone):
    page = phone
    page.goto(f"{live_server.url}/ar/guide/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    for value in ("enter", "city", "yes", "officer"):
        choose(page, value)
        next_(page)
    assert page.locator("h1").inner_text() == "ماذا تفعل"
    code = page.locator("main bdi", has_text="I-205").first
    assert code.get_attribute("dir") == "ltr"
    assert code.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.locator("main bdi", has_text="Admin Code §4-210").count() >= 1
    assert fits(page)


def test_the_in_page_back_link_and_change_links_keep_answers(live_server, desktop):
    page = desktop
    page.goto(f"{live_server.url}/en/guide/?want=lot&place=not_city")
    page.get_by_role("link", name="Back to the last question").click()
    assert page.locator("#place-not_city").is_checked()
    page.goto(f"{live_server.url}/en/guide/?want=info")
    page.locator("a", has_text="Change this answer").first.click()
    assert page.locator("#want-info").is_checked()


def test_the_printed_answer_shows_everything_and_no_links_to_click(live_server, desktop):
    page = desktop
    page.goto(f"{live_server.url}/en/guide/?want=lot&place=city&paper=no")
    page.emulate_media(media="print")
    assert not page.locator(".usa-header").is_visible()
    assert not page.locator(".eo13-pubguide__change").first.is_visible()
    for heading in ("Why", "What to do now", "Always", "Whom to call", "Your answers"):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    assert page.locator("text=EO 13 §3").first.is_visible()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_axe_finds_no_violation_on_any_guide_screen(live_server, desktop, phone, lang):
    axe = Axe()
    failures = {}
    for page in (desktop, phone):
        for screen in SCREENS:
            page.goto(f"{live_server.url}/{lang}/guide/{screen}")
            results = axe.run(page)
            if results.violations_count:
                failures[f"{page.viewport_size['width']}{screen}"] = results.generate_report()
    assert failures == {}
