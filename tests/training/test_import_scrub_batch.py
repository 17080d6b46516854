"""The imports scrub many short texts at once (eo13.scrub.batch, issue 14): a text the batch calls clean must be one
``scrub`` leaves as it is, whatever its neighbours in the batch, and every identifier is still removed."""

from hypothesis import given
from hypothesis import strategies as st

from eo13.scrub import scrub
from eo13.scrub.batch import clean_texts, scrub_many

TRICKY = [
    "S-0000001",
    "078-05-1120",
    "078051120",
    "SSN 078 05 1120",
    "Maria Quorvton",
    "Dr Smith",
    "Demo Alpha, SSN 078-05-1120, phone 212-555-0199",
    "zyqx.canary@example.test",
    "123 Main Street",
    "born 1980-01-02",
    "A12345678",
    "name: Bea",
    "Jones, Maria",
    "Lena Kim 14",
    "212",
    "555",
    "0199",
    "Maria",
    "Garcia",
    "ssn",
    "",
    "Déjà Vu 078-05-1120",
    "passport #: X12345",
    "E-1001",
]
PIECES = st.sampled_from(
    [
        "078",
        "05",
        "1120",
        "-",
        " ",
        ".",
        "@",
        "example.test",
        "Maria",
        "Garcia",
        "Dr",
        "Main",
        "Street",
        "ssn",
        "12",
        "A",
        "born",
        "1980",
        "/",
        ",",
        ";",
        "\n",
        "name",
        ":",
        "Kim",
        "Lena",
        "Street",
        "id",
        "#",
        "X9999",
        "é",
        "(at)",
    ]
)
TEXTS = st.lists(st.lists(PIECES, max_size=8).map("".join), max_size=30)


def _expected(texts, keep=()):
    return [not scrub(t, keep=keep).removed for t in texts]


def test_tricky_texts_side_by_side_in_every_order():
    for keep in ((), ("name",), ("street_address",)):
        for shift in range(len(TRICKY)):
            texts = TRICKY[shift:] + TRICKY[:shift]
            got = clean_texts(texts, keep=keep)
            for text, ok, truth in zip(texts, got, _expected(texts, keep), strict=True):
                assert not ok or truth, (text, keep)
            assert scrub_many(texts, keep=keep) == [scrub(t, keep=keep) for t in texts]


@given(TEXTS, st.sampled_from([(), ("name",), ("street_address",)]))
def test_never_calls_a_text_clean_that_scrub_would_change(texts, keep):
    for ok, truth in zip(clean_texts(texts, keep=keep), _expected(texts, keep), strict=True):
        assert not ok or truth
    assert scrub_many(texts, keep=keep) == [scrub(t, keep=keep) for t in texts]


def test_ordinary_texts_are_found_clean_in_one_pass():
    texts = [f"S-{i:07d}" for i in range(5000)]
    assert all(clean_texts(texts))
