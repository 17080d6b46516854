"""The public guide for staff of the City's human-services contractors (issue 13; EO 13 §1(3), §1(4), §3, §4, §6;
Admin Code §4-210): the engine's answer for each case, in every language, with nothing stored."""

import re
from datetime import date

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from eo13.audit.models import AuditEntry
from eo13.policies import public_guide_answer as outcome
from eo13.policies import public_guide_flow as flow

pytestmark = pytest.mark.django_db

LANGS = [code for code, _ in settings.LANGUAGES]
TODAY = date(2027, 6, 1)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", _main(response))).replace("&#x27;", "'")


def _answer(query: str) -> outcome.Answer:
    answers = outcome.Answers.from_query(dict(pair.split("=") for pair in query.split("&")), TODAY)
    assert flow.next_question(answers, TODAY) is None, "the guide still has a question to ask"
    return outcome.answer(answers, TODAY)


@pytest.mark.parametrize(
    "query, outcome, headline, cites",
    [
        # A judge's warrant, not about immigration: they may enter where it allows (Admin Code §4-210, EO 13 §4).
        (
            "want=enter&place=city&paper=yes&signer=judge&purpose=other",
            "permitted",
            "They may come in, but only where the judge's warrant allows.",
            {"Admin Code §4-210", "EO 13 §4", "EO 13 §1(6)"},
        ),
        # An I-205 is not a judicial warrant: do not let them in; no exception applies.
        (
            "want=enter&place=city&paper=yes&signer=officer",
            "not_permitted",
            "Do not let them into areas that are not open to the public.",
            {"Admin Code §4-210", "EO 13 §1(6)"},
        ),
        ("want=enter&place=city&paper=no", "not_permitted", "Do not let them into", {"Admin Code §4-210"}),
        # Using a City lot for staging without an exception of EO 13 §3.
        (
            "want=lot&place=city&paper=no",
            "not_permitted",
            "They may not use this City lot or garage as a base.",
            {"EO 13 §3", "EO 13 §1(1)"},
        ),
        ("want=lot&place=city&paper=yes&signer=officer", "not_permitted", "They may not use", {"EO 13 §3"}),
        (
            "want=lot&place=city&paper=yes&signer=judge&purpose=other",
            "permitted",
            "They may use the lot",
            {"EO 13 §3(2)"},
        ),
        # Information about a person: never given; the privacy officer decides (EO 13 §6).
        (
            "want=info",
            "not_permitted",
            "Do not give them information about anyone.",
            {"EO 13 §6", "Admin Code §23-1202"},
        ),
        # Not City property: the City rule does not cover it, and the person still calls before doing anything.
        ("want=enter&place=not_city&paper=no", "not_covered", "does not cover this place", {"EO 13 §1(2)"}),
    ],
)
def test_the_answer_for_each_case_comes_from_the_engine(query, outcome, headline, cites):
    result = _answer(query)
    assert result.outcome == outcome
    assert headline in str(result.headline)
    assert cites <= set(result.citations)
    assert all(citation for _words, citation in result.reasons)  # every reason shown carries its section


@pytest.mark.parametrize(
    "query",
    [
        "want=enter&place=unsure&paper=yes&signer=officer",  # who runs the place decides which rule applies
        "want=enter&place=city&paper=yes&signer=unsure&purpose=other",  # who signed it decides the answer
        "want=enter&place=city&paper=yes&signer=judge&purpose=immigration",  # Admin Code §10-178 may forbid it
        "want=enter&place=city&paper=yes&signer=judge&purpose=unsure",
        "want=lot&place=unsure&paper=no",
    ],
)
def test_where_the_engine_cannot_tell_the_answer_is_to_call_never_a_guess(query):
    result = _answer(query)
    assert result.outcome == "unknown" and result.unsure
    assert "cannot tell for sure" in str(result.headline)
    assert any("wait while you call" in str(step) for step in result.steps)


def test_an_i205_answer_says_it_is_not_a_judges_warrant_with_the_form_number_isolated():
    result = _answer("want=enter&place=city&paper=yes&signer=officer")
    words, citation = result.reasons[0]
    assert citation == "EO 13 §1(6)"
    assert '<bdi dir="ltr">I-205</bdi>' in str(words) and "is not a warrant signed by a judge" in str(words)


def test_immigration_purpose_is_asked_only_when_the_engine_says_it_matters():
    judge = outcome.Answers.from_query({"want": "enter", "place": "city", "paper": "yes", "signer": "judge"}, TODAY)
    officer = outcome.Answers.from_query({"want": "enter", "place": "city", "paper": "yes", "signer": "officer"}, TODAY)
    assert flow.next_question(judge, TODAY) == "purpose"
    assert flow.next_question(officer, TODAY) is None


def test_the_intro_uses_the_order_definitions_of_contractor_and_human_services():
    citations = [item["citation"] for item in flow.audience()]
    assert "EO 13 §1(3)" in citations and "EO 13 §1(4)" in citations


def test_the_query_string_holds_only_listed_answers_in_order():
    answers = outcome.Answers.from_query({"want": "enter", "place": "<script>", "paper": "yes", "name": "Ana"}, TODAY)
    assert answers == outcome.Answers(want="enter")  # a bad place drops it and everything after it
    assert outcome.Answers.from_query({"paper": "yes"}, TODAY) == outcome.Answers()


def _row_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models() if m._meta.managed}


FULL_RUN = [
    "",
    "want=enter",
    "want=enter&place=city",
    "want=enter&place=city&paper=yes",
    "want=enter&place=city&paper=yes&signer=judge",
    "want=enter&place=city&paper=yes&signer=judge&purpose=other",
    "want=enter&place=city&paper=yes&signer=judge&purpose=other&ask=paper",
    "want=lot&place=city&paper=no",
    "want=info",
]


def test_a_full_run_stores_nothing_and_sets_no_cookie():
    client = Client()
    before, audit_before = _row_counts(), list(AuditEntry.objects.values_list("seq", flat=True))
    for query in FULL_RUN:
        response = client.get(f"/es/guide/?{query}")
        assert response.status_code == 200
        assert not response.cookies, f"a cookie was set on {query}"
    assert _row_counts() == before
    assert list(AuditEntry.objects.values_list("seq", flat=True)) == audit_before


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_answers_with_its_lang_and_dir(client, lang):
    for query in ("", "want=enter&place=city&paper=yes&signer=officer"):
        response = client.get(f"/{lang}/guide/?{query}")
        assert response.status_code == 200
        direction = "rtl" if lang in ("ar", "ur") else "ltr"
        assert f'<html lang="{lang}" dir="{direction}">' in response.content.decode()
    assert '<bdi dir="ltr">I-205</bdi>' in _main(response)
    assert '<bdi dir="ltr">EO 13 §1(6)</bdi>' in _main(response)


def test_the_english_answer_shows_what_to_do_and_whom_to_call(client):
    text = _text(client.get("/en/guide/?want=enter&place=city&paper=yes&signer=officer"))
    for words in (
        "Stay calm and polite.",
        "Do not physically block",
        "ask for a copy",
        "Do not sign anything.",
        "Do not answer questions about anyone's immigration status.",
        "The City agency that holds your contract",
        "NYC 311: ask for the Mayor's Office of Immigrant Affairs (MOIA).",
        "Admin Code §4-210",
    ):
        assert words in text


def test_each_screen_is_a_plain_get_form_that_carries_the_earlier_answers(client):
    html = _main(client.get("/en/guide/?want=enter&place=city"))
    assert 'method="get"' in html and "csrfmiddlewaretoken" not in html
    assert '<input type="hidden" name="want" value="enter">' in html
    assert '<input type="hidden" name="place" value="city">' in html
    assert 'name="paper"' in html


def test_asking_again_keeps_the_answer_checked(client):
    html = _main(client.get("/en/guide/?want=enter&place=not_city&ask=place"))
    assert re.search(r'value="not_city" required checked', html)


def test_the_page_depends_on_the_query_string_and_is_never_served_from_the_public_cache(client):
    first = client.get("/en/guide/?want=enter")
    second = client.get("/en/guide/?want=info")
    again = client.get("/en/guide/?want=enter")
    assert "Whose place is it?" in _text(first) and "Whose place is it?" not in _text(second)
    assert _text(again) == _text(first)
    assert "X-EO13-Cache" not in again and "no-store" not in again["Cache-Control"]


def test_a_post_is_refused(client):
    assert client.post("/en/guide/", {"want": "info"}).status_code == 405


def test_the_public_menu_links_to_the_guide(client):
    html = client.get("/fr/").content.decode()
    assert 'href="/fr/guide/"' in html
