"""Showing Markdown safely, and measuring how plain a text is (EO 13 §2(1) "plain language").

Bodies are Markdown written by staff. On render, raw HTML and scripts are removed (nh3), and headings move down
one level so a policy never adds a second page title. The plain-language report uses textstat's Flesch-Kincaid
grade and points out long sentences and likely passive voice, so the editor can fix them before review.
"""

import re
from dataclasses import dataclass, field

import markdown
import nh3
from textstat.backend import metrics as textstat_metrics

GRADE_TARGET = 8.0
# "en-US" (not "en_US") makes textstat count syllables with Pyphen's English dictionary, which ships with the
# package; "en_US" would make it fetch the CMU dictionary from the internet at run time.
_TEXTSTAT_LANG = "en-US"
LONG_SENTENCE_WORDS = 20

_ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "a", "blockquote",
    "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _demote_headings(html: str) -> str:
    return re.sub(r"<(/?)h([1-6])\b", lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", html)


def render_markdown(text: str) -> str:
    """Markdown to safe HTML. Raw HTML in the source is escaped first, so it shows as text and never runs."""
    escaped = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Markdown's block quotes start with ">", which the escaping above turned into "&gt;"; put them back.
    escaped = re.sub(r"^(\s*)&gt;", r"\1>", escaped, flags=re.M)
    html = markdown.markdown(escaped, extensions=["tables", "sane_lists"], output_format="html")
    html = _demote_headings(html)
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def plain_text(text: str) -> str:
    """The words of a Markdown text, without markup, for measuring."""
    html = markdown.markdown(text or "")
    words = nh3.clean(html, tags=set())
    return re.sub(r"\s+", " ", words.replace("&amp;", "&")).strip()


_BE = r"(?:am|is|are|was|were|be|been|being)"
_IRREGULAR = (
    r"(?:done|given|taken|seen|made|known|shown|written|sent|held|kept|told|found|brought|built|paid|put|set|"
    r"said|left|read|heard|meant|bought|caught|taught|thought|chosen|spoken|stolen|broken|drawn|driven|"
    r"forgotten|hidden|ridden|shaken|sworn|torn|worn|run|begun|won|got|gotten|let|shut|cut|hit|hurt)"
)
_PASSIVE = re.compile(rf"\b{_BE}\s+(?:not\s+)?(?:\w+ly\s+)?(?:\w+ed|{_IRREGULAR})\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


@dataclass(frozen=True)
class PlainLanguageReport:
    grade: float
    words: int
    sentences: int
    long_sentences: list[str] = field(default_factory=list)
    passive_phrases: list[str] = field(default_factory=list)

    @property
    def meets_target(self) -> bool:
        return self.grade <= GRADE_TARGET

    def as_dict(self) -> dict[str, object]:
        return {
            "grade": self.grade,
            "target_grade": GRADE_TARGET,
            "meets_target": self.meets_target,
            "words": self.words,
            "sentences": self.sentences,
            "long_sentences": self.long_sentences,
            "passive_phrases": self.passive_phrases,
        }


def plain_language_report(text: str) -> PlainLanguageReport:
    """Grade level (Flesch-Kincaid), long sentences (over 20 words) and likely passive voice."""
    words_only = plain_text(text)
    if not words_only:
        return PlainLanguageReport(grade=0.0, words=0, sentences=0)
    sentences = [s.strip() for s in _SENTENCE_END.split(words_only) if s.strip()]
    long_ones = [s for s in sentences if len(s.split()) > LONG_SENTENCE_WORDS]
    passive = [m.group(0) for m in _PASSIVE.finditer(words_only)]
    return PlainLanguageReport(
        grade=round(float(textstat_metrics.flesch_kincaid_grade(words_only, _TEXTSTAT_LANG)), 1),
        words=len(words_only.split()),
        sentences=len(sentences),
        long_sentences=long_ones,
        passive_phrases=passive,
    )
