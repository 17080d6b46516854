"""The one scrubber (DESIGN "Privacy by design"): identifiers in many shapes go; ordinary words stay."""

import logging
import time

import pytest

from eo13.privacy_filter import ScrubFilter
from eo13.scrub import scrub, scrub_value

IDENTIFIERS = [
    ("ssn", "SSN 078-05-1120"),
    ("ssn", "social security number: 078 05 1120"),
    ("ssn", "his number is 219-09-9999"),
    ("a_number", "A-number A123456789"),
    ("a_number", "A# 123-456-789"),
    ("a_number", "alien registration number 123 456 789"),
    ("a_number", "A12345678"),
    ("phone", "(212) 555-0147"),
    ("phone", "call 212.555.0147"),
    ("phone", "+1 212 555 0147"),
    ("phone", "2125550147"),
    ("email", "canary.person@example.org"),
    ("email", "someone (at) example.com"),
    ("date_of_birth", "DOB: 04/05/1987"),
    ("date_of_birth", "date of birth 1987-04-05"),
    ("date_of_birth", "born March 3, 1985"),
    ("date_of_birth", "birthday 3 Mar 1985"),
    ("street_address", "lives at 77 Canary Street Apt 3"),
    ("street_address", "1620 W 135th St"),
    ("street_address", "12-34 Example Avenue, Unit 5B"),
    ("name", "name: Zelda Canarysdottir"),
    ("name", "the client is Maria Lopez"),
    ("name", "resident was Juan Perez"),
    ("identifier", "passport #: X1234567"),
    ("identifier", "case no: AB-12345"),
    ("immigration_status", "he is undocumented"),
    ("immigration_status", "she has a green card"),
    ("immigration_status", "a final order of removal"),
    # Issue 9: what people actually write.
    ("name", "Maria Gonzalez came to the desk"),
    ("name", "maria gonzalez came to the desk"),
    ("name", "Gonzalez, Maria"),
    ("name", "Maria J. Quorvton"),
    ("name", "Ana de la Cruz"),
    ("name", "Mr. Quorvton"),
    ("date_of_birth", "1990-01-31"),
    ("date_of_birth", "01/31/1990"),
    ("date_of_birth", "31.01.1990"),
    ("date_of_birth", "January 31, 1990"),
    ("ssn", "219.09.9999"),
    ("ssn", "2190 99999"),
    ("ssn", "SSN 219\u201109\u20119999"),  # non-breaking hyphens
    ("email", "canary.person\uff20example.org"),  # a full-width at sign
    ("a_number", "A\u200b123456789"),  # a zero-width space inside
    ("a_number", "A\u2060123\u200d456\u200c789"),
]
SURNAMES = ("Canarysdottir", "Lopez", "Perez", "Gonzalez", "gonzalez", "Quorvton", "Cruz")
# Words staff need to keep, which look a little like identifiers.
KEEP = [
    "Two agents asked to park three vehicles at 10:30.",
    "They showed form I-205 and an I-247A detainer.",
    "EO 13 §3(2) and Admin Code §4-210 apply.",
    "We called counsel on the 2nd floor; it took 15 minutes.",
    "Unit 5 arrived at the garage; 3 cars, 2 vans.",
    "Decision 12 of 2026, rules eo-13-2026.",
    "Will call counsel on 2026-03-01 about the Law Department's advice.",
    "Federal agents from the U.S. Department of Homeland Security showed an I-200.",
    "The Chief Privacy Officer and the First Deputy Mayor were told.",
    "اردو\u200cمتن: counsel was called.",  # a zero-width non-joiner in Urdu is part of the word, and stays
]


@pytest.mark.parametrize("kind, text", IDENTIFIERS)
def test_identifiers_are_removed_and_named(kind, text):
    result = scrub(f"Note: {text}. End.")
    assert kind in result.removed, result
    assert "removed]" in result.text
    for token in text.replace(",", " ").split():
        if sum(c.isdigit() for c in token) >= 4 or "@" in token or token in SURNAMES:
            assert token not in result.text, (token, result.text)


@pytest.mark.parametrize("text", KEEP)
def test_ordinary_notes_are_left_alone(text):
    assert scrub(text).text == text


def test_scrubbing_is_idempotent_and_empty_is_fine():
    once = scrub(" ".join(t for _, t in IDENTIFIERS)).text
    assert scrub(once).text == once
    assert scrub("").text == "" and scrub(None).removed == ()


def test_log_lines_are_scrubbed_by_the_filter():
    record = logging.LogRecord("eo13", logging.INFO, __file__, 1, "asked about %s", ("SSN 078-05-1120",), None)
    ScrubFilter().filter(record)
    assert "078-05-1120" not in record.getMessage()


def test_only_the_identifier_is_replaced_the_rest_keeps_its_own_characters():
    text = "Agents\u00a0came \u2014 SSN 219\u201109\u20119999 \u2014 then left."
    result = scrub(text)
    assert result.text == "Agents\u00a0came \u2014 [SSN removed] \u2014 then left."


def test_staff_names_stay_where_a_field_holds_a_staff_member_on_purpose():
    assert scrub("Maria Gonzalez, SSN 078-05-1120", keep=("name",)).text == "Maria Gonzalez, [SSN removed]"
    changes = scrub_value({"full_name": {"new": "Maria Gonzalez"}, "note": "Maria Gonzalez called"})
    assert changes == {"full_name": {"new": "Maria Gonzalez"}, "note": "[name removed] called"}


@pytest.mark.parametrize(
    "text",
    [
        "a" * 1_000_000,  # the e-mail pattern used to backtrack here for minutes
        "a." * 500_000,
        "1 " * 500_000,
        "Maria " * 150_000,
        "x-" * 500_000 + "@",
        "\u00e9\u200b" * 300_000,
    ],
    ids=["letters", "dotted", "digits", "first-names", "no-domain", "folded"],
)
def test_a_megabyte_of_hostile_text_is_scrubbed_in_one_linear_pass(text):
    """RE2 matches in linear time: a megabyte takes well under a second here. The bound is a hang guard (minutes
    before the fix), not a performance target; those live in benchmarks/."""
    started = time.monotonic()
    scrub(text)
    assert time.monotonic() - started < 30


def test_request_log_lines_lose_query_strings_and_secret_tokens():
    line = '"GET /staff/access/encounters/?q=Maria+Gonzalez+078051120 HTTP/1.1" 200 512'
    feed = '"GET /staff/obligations/calendar/eo13cal_AbCdEfGh123456789-_xyz.ics HTTP/1.1" 200 90'
    for message in (line, feed):
        record = logging.LogRecord("django.server", logging.INFO, __file__, 1, "%s", (message,), None)
        ScrubFilter().filter(record)
        out = record.getMessage()
        assert "Gonzalez" not in out and "078051120" not in out and "AbCdEfGh123456789" not in out, out
        assert "HTTP/1.1" in out


def test_tracebacks_are_scrubbed_before_they_are_written():
    try:
        int("SSN 078-05-1120")
    except ValueError:
        import sys

        record = logging.LogRecord("eo13", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    ScrubFilter().filter(record)
    formatted = logging.Formatter().format(record)
    assert "078-05-1120" not in formatted and "ValueError" in formatted


def test_a_label_longer_than_what_it_replaces_still_fits_the_field():
    """PostgreSQL refuses a value longer than its column: ten dates in 200 characters become ten longer labels."""
    from eo13.text import clean_free_text

    text = " ".join(["1990-01-31"] * 18)[:200]
    result = clean_free_text(text, field="note", max_length=200)
    assert len(result.text) <= 200 and "1990" not in result.text and result.removed == ("date_of_birth",)
