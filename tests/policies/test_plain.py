"""Plain language and safe Markdown (EO 13 §2(1) "plain language"; issue 6 bad input)."""

from html.parser import HTMLParser

import pytest

from eo13.policies.plain import GRADE_TARGET, plain_language_report, render_markdown


class _Elements(HTMLParser):
    """The live elements and attributes in rendered HTML (escaped text does not count)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


@pytest.mark.parametrize(
    "source, bad_tag",
    [
        ("<script>alert('x')</script>", "script"),
        ("Hello <img src=x onerror=alert(1)>", "img"),
        ("<iframe src='https://example.test'></iframe>", "iframe"),
        ('<a href="https://example.test" onclick="steal()">x</a>', "a"),
        ("<style>body{display:none}</style>", "style"),
        ('<div style="position:fixed">x</div>', "div"),
    ],
)
def test_raw_html_never_becomes_markup(source, bad_tag):
    elements = _Elements(render_markdown(source)).found
    assert bad_tag not in [tag for tag, _ in elements]
    assert all(not name.startswith("on") and name != "style" for _, attrs in elements for name in attrs)


@pytest.mark.parametrize("href", ["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x"])
def test_dangerous_link_targets_are_dropped(href):
    elements = _Elements(render_markdown(f"[click]({href})")).found
    assert [attrs.get("href") for tag, attrs in elements if tag == "a"] == [None]


def test_markdown_still_works_and_headings_step_down():
    html = render_markdown("# Title\n\n- one\n- **two**\n\n[Law](https://example.test)\n\n> quoted")
    assert "<h2>Title</h2>" in html and "<h1" not in html
    assert "<li><strong>two</strong></li>" in html
    assert 'href="https://example.test"' in html and "<blockquote>" in html


def test_plain_text_meets_the_target():
    report = plain_language_report("We help you. Call us. We will not share your name.")
    assert report.grade <= GRADE_TARGET and report.meets_target
    assert report.long_sentences == [] and report.passive_phrases == []


def test_hard_text_is_pointed_out():
    long_one = (
        "Notwithstanding any contrary interpretation, departmental personnel shall endeavor to ascertain "
        "the jurisdictional characteristics of administrative documentation presented by representatives "
        "of non-municipal enforcement organizations."
    )
    report = plain_language_report(long_one + " The request was denied by the supervisor. Forms are kept.")
    assert report.grade > GRADE_TARGET and not report.meets_target
    assert report.long_sentences == [long_one]
    assert "was denied" in report.passive_phrases and "are kept" in report.passive_phrases


def test_empty_text():
    assert plain_language_report("").words == 0
