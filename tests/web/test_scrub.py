"""The one scrubber (DESIGN "Privacy by design"): identifiers in many shapes go; ordinary words stay."""

import logging

import pytest

from eo13.privacy_filter import ScrubFilter
from eo13.scrub import scrub

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
]
# Words staff need to keep, which look a little like identifiers.
KEEP = [
    "Two agents asked to park three vehicles at 10:30.",
    "They showed form I-205 and an I-247A detainer.",
    "EO 13 §3(2) and Admin Code §4-210 apply.",
    "We called counsel on the 2nd floor; it took 15 minutes.",
    "Unit 5 arrived at the garage; 3 cars, 2 vans.",
    "Decision 12 of 2026, rules eo-13-2026.",
]


@pytest.mark.parametrize("kind, text", IDENTIFIERS)
def test_identifiers_are_removed_and_named(kind, text):
    result = scrub(f"Note: {text}. End.")
    assert kind in result.removed, result
    assert "removed]" in result.text
    for token in text.replace(",", " ").split():
        if sum(c.isdigit() for c in token) >= 4 or "@" in token or token in ("Canarysdottir", "Lopez", "Perez"):
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
