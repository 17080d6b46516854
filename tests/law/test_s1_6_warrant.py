"""EO 13 §1(6): is this paper a judicial warrant? Every issuer and every form."""

from datetime import date

import pytest

from eo13.law.decide import decide

ISSUERS = {
    "article_iii_judge": True,
    "federal_magistrate_judge": True,
    "new_york_state_court": True,
    "other_state_court": False,
    "immigration_judge": False,
    "immigration_officer": False,
    "bankruptcy_judge": False,
    "court_clerk": False,
    "other": False,
}


def run(facts):
    return decide("warrant", facts, today=date(2026, 3, 1)).as_dict()


@pytest.mark.parametrize("issuer, judicial", ISSUERS.items())
@pytest.mark.parametrize("authorizes", [["custody"], ["search"], ["entry"], ["custody", "search", "entry"]])
def test_issuer_decides(issuer, judicial, authorizes):
    d = run({"issued_by": issuer, "authorizes": authorizes})
    assert d["outcome"] == ("judicial_warrant" if judicial else "not_judicial_warrant")
    assert d["citations"] == ["EO 13 §1(6)"]


@pytest.mark.parametrize("issuer", ISSUERS)
@pytest.mark.parametrize("form", ["I-200", "I-205", "I-247A"])
def test_a_dhs_form_is_never_a_judicial_warrant(issuer, form):
    d = run({"issued_by": issuer, "authorizes": ["custody", "search", "entry"], "form": form})
    assert d["outcome"] == "not_judicial_warrant"
    assert "dhs_form" in [r["code"] for r in d["reasons"]]
    assert any("never a judicial warrant" in r["text"] for r in d["reasons"])


@pytest.mark.parametrize("issuer", ["article_iii_judge", "federal_magistrate_judge", "new_york_state_court"])
def test_a_paper_that_authorizes_nothing_is_not_a_warrant(issuer):
    d = run({"issued_by": issuer, "authorizes": []})
    assert d["outcome"] == "not_judicial_warrant"
    assert "authorizes_nothing" in [r["code"] for r in d["reasons"]]


def test_form_other_from_a_judge_is_judicial():
    assert run({"issued_by": "federal_magistrate_judge", "authorizes": ["entry"], "form": "other"})["outcome"] == (
        "judicial_warrant"
    )


def test_every_answer_explains_how_to_tell_them_apart():
    for issuer in ISSUERS:
        steps = run({"issued_by": issuer, "authorizes": ["custody"]})["next_steps"]
        assert any("names a court at the top" in s for s in steps)
