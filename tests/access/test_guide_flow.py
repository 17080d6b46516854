"""The guide for the person at the door, walked with the test client (no JavaScript)."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

from eo13.access.guide import GuideState
from eo13.access.models import DecisionLog


def _state(html: str) -> str:
    return re.search(r'name="state" value="([^"]+)"', html).group(1)


class Walker:
    """Answers one screen at a time as a browser would: post the answer, follow the redirect to the next address."""

    def __init__(self, client):
        self.c = client
        self.page = ""
        self.url = ""
        self.screens = 0

    def _follow(self, r):
        self.page = r.content.decode()
        self.url = r.redirect_chain[-1][0] if getattr(r, "redirect_chain", None) else self.url
        self.screens += 1
        return self

    def start(self, kind):
        return self._follow(self.c.post("/staff/access/guide/", {"start": kind}, follow=True))

    def answer(self, screen, *values, **extra):
        """``answer("use", "staging_area")``; a screen with two questions: ``answer("exceptions", paper="I-205",
        exceptions=["none"])``."""
        data = {"state": _state(self.page), "question": screen, **extra}
        if values:
            data[screen] = list(values)
        return self._follow(self.c.post("/staff/access/guide/", data, follow=True))

    def place(self, value):
        return self.answer("place", place=value)

    def asks(self, text):
        assert text in self.page, self.page[-3000:]
        return self


@pytest.fixture
def walker(login, make_user):
    return Walker(login(make_user("frontline", "DHS")))


def test_lot_use_not_permitted_asks_only_what_matters(walker, city_lot):
    w = walker.start("lot-use").asks("Who is asking?")
    w.answer("personnel", "federal").asks("Where are they?")
    w.place(f"uid:{city_lot.uid}").asks("What do they want to do on the lot?")
    # What they want to do and whether it is to enforce a law: one answer.
    w.answer("use", "staging_area").asks("Did they show you a paper").asks("Is any of these true?")
    w.answer("exceptions", paper="none", exceptions=["none"])
    w.asks("No. Under the order, they may not use this City lot as a base.").asks("EO 13 §3")
    w.asks("Record this encounter").asks("Do not physically block")
    log = DecisionLog.objects.get()
    assert log.outcome == "not_permitted" and log.channel == "web" and log.agency.code == "DHS"
    assert log.facts["property_id"] == city_lot.uid


def test_excluded_employer_needs_one_question(walker):
    walker.start("lot-use").answer("personnel", "city").asks("does not apply here")
    assert DecisionLog.objects.get().outcome == "not_covered"


def test_a_dhs_form_shown_as_a_warrant_is_judged_by_its_content(walker, city_lot):
    w = walker.start("lot-use").answer("personnel", "federal").place(f"uid:{city_lot.uid}")
    w.answer("use", "operations_base")
    w.answer("exceptions", paper="I-205", exceptions=["none"])
    w.asks("No. Under the order").asks("never a judicial warrant")
    # The start, then 4 screens: who, where, what on the lot, papers and other reasons.
    assert w.screens == 5
    # The decisive line comes first, not under "What else we checked".
    why = w.page.split("<h2>Why</h2>", 1)[1]
    assert why.index("Form I-205") < why.index("What else we checked")
    assert why.split("<li>", 2)[1].startswith("The paper they showed is not a judicial warrant. Form I-205")
    log = DecisionLog.objects.get()
    assert log.facts["warrant"] == {"issued_by": "immigration_officer", "form": "I-205", "authorizes": ["custody"]}


def test_a_court_paper_asks_what_it_allows_but_never_its_form_number(walker, city_lot):
    w = walker.start("lot-use").answer("personnel", "federal").place(f"uid:{city_lot.uid}")
    w.answer("use", "staging_area")
    w.answer("exceptions", paper="article_iii_judge", exceptions=["none"]).asks("What does the paper say they may do?")
    assert "form number" not in w.page
    w.answer("authorizes", "search")
    w.asks("Are they here to enforce immigration law?").answer("immigration_enforcement", "no")
    w.asks("Yes. The order allows them").asks("They showed a judicial warrant.")
    assert "form" not in DecisionLog.objects.get().facts["warrant"]


def test_exigent_circumstances_need_a_basis_and_are_recorded(walker, city_lot):
    w = walker.start("lot-use").answer("personnel", "state").place(f"uid:{city_lot.uid}")
    w.answer("use", "staging_area")
    w.answer("exceptions", paper="none", exceptions=["exigent_circumstances"]).asks("say in a few words why")
    w.answer(
        "exceptions",
        paper="none",
        exceptions=["exigent_circumstances"],
        basis_exigent_circumstances="Fire drill in progress, fictional",
    )
    assert "Fire drill" not in w.url  # typed text never goes into the address
    w.asks("Are they here to enforce immigration law?").answer("immigration_enforcement", "no")
    w.asks("Yes. The order allows them").asks("EO 13 §3(5)").asks("Fire drill in progress")
    attested = DecisionLog.objects.get().decision["attested"]
    assert attested[0]["fact"] == "exigent_circumstances" and attested[0]["by"].endswith("(DHS)")


def test_not_sure_leads_to_counsel(walker):
    w = walker.start("property-access").answer("requester", "federal")
    w.answer("area", "non_public").place("city_building")
    w.answer("paper", "unsure").answer("authorized_by_city_personnel", "no").answer("emergency", "no")
    w.answer("immigration_enforcement", "no")
    w.asks("EO13 cannot answer this yet. Call your agency counsel.")
    assert DecisionLog.objects.get().outcome == "unknown"


def test_property_access_with_a_state_court_warrant(walker):
    w = walker.start("property-access").answer("requester", "federal").answer("area", "non_public")
    w.place("city_building").asks("Did they show you a paper")
    w.answer("paper", "new_york_state_court").asks("What does the paper say they may do?")
    w.answer("authorizes", "search")
    w.asks("Are they here to enforce immigration law?").answer("immigration_enforcement", "no")
    w.asks("Yes, they may enter, but only as far as the reason below allows.")


def test_public_area_is_not_covered(walker):
    walker.start("property-access").answer("requester", "federal").answer("area", "public").asks("does not apply here")


def test_is_it_a_warrant(walker):
    w = walker.start("warrant").asks("Which paper is it?").asks("names a court at the top")
    w.answer("paper", "article_iii_judge").answer("authorizes", "entry")
    w.asks("This looks like a judicial warrant.")


def test_a_dhs_form_is_not_a_warrant_in_one_answer(walker):
    walker.start("warrant").answer("paper", "I-200").asks("This is not a judicial warrant.").asks("Form I-200")


def test_other_requests_go_to_the_privacy_officer(walker):
    walker.start("other").asks("privacy officer").asks("Record this encounter")


def test_search_without_javascript_then_pick(walker, city_lot):
    w = walker.start("lot-use").answer("personnel", "federal")
    r = w.c.post(
        "/staff/access/guide/", {"state": _state(w.page), "question": "place", "q": city_lot.address[:8], "search": "1"}
    )
    page = r.content.decode()
    assert city_lot.uid in page
    # The search submit alone is not an answer: the same question comes back with results, and no error yet.
    assert "Where are they?" in page and "Choose the place from the list, describe it" not in page
    r = w.c.post("/staff/access/guide/", {"state": _state(page), "question": "place"})
    assert "Choose the place from the list, describe it" in r.content.decode()


def test_tampered_state_starts_over(walker):
    walker.start("lot-use")
    r = walker.c.post("/staff/access/guide/", {"state": "forged", "question": "use", "use": "other"}, follow=True)
    assert b"Please start again" in r.content
    assert not DecisionLog.objects.exists()


def test_answer_pages_are_agency_scoped(walker, login, make_user):
    walker.start("lot-use").answer("personnel", "city")
    log = DecisionLog.objects.get()
    other = login(make_user("agency_lead", "ACS"))
    assert other.get(f"/staff/access/guide/answer/{log.pk}/").status_code == 404
    own_lead = login(make_user("agency_lead", "DHS"))
    assert own_lead.get(f"/staff/access/guide/answer/{log.pk}/").status_code == 200


def test_identifiers_typed_as_a_reason_never_reach_the_log(walker, city_lot):
    from eo13.audit.models import AuditEntry

    canaries = ["078-05-1120", "A123456789", "Canarysdottir", "canary.person@example.org", "(212) 555-0147"]
    w = walker.start("lot-use").answer("personnel", "state").place(f"uid:{city_lot.uid}")
    w.answer("use", "staging_area")
    basis = (
        "Agent said name: Zelda Canarysdottir, SSN 078-05-1120, A123456789, canary.person@example.org, (212) 555-0147"
    )
    w.answer("exceptions", paper="none", exceptions=["exigent_circumstances"], basis_exigent_circumstances=basis)
    w.answer("immigration_enforcement", "no")
    log = DecisionLog.objects.get()
    stored = str(log.facts) + str(log.decision) + str(list(AuditEntry.objects.values_list("changes", flat=True)))
    for c in canaries:
        assert c not in stored and c not in w.page, c
    # The address holds the answers only: no typed text, even scrubbed.
    token = GuideState.load(parse_qs(urlparse(w.url).query)["s"][0])
    assert "exigent" in str(token.answers) and "Agent said" not in str(token)


def test_immigration_enforcement_is_asked_when_it_matters_and_logged(walker, city_lot):
    """Issue 10 (EO 13 §4, §1(5); Admin Code §10-178): an answer that would let them use the lot is never given
    plainly when they are there for immigration enforcement; the guide asks, and the decision log records it."""
    w = walker.start("lot-use").answer("personnel", "federal").place(f"uid:{city_lot.uid}")
    w.answer("use", "staging_area")
    w.answer(
        "exceptions",
        paper="none",
        exceptions=["exigent_circumstances"],
        basis_exigent_circumstances="Fictional gas leak next door",
    )
    w.asks("Are they here to enforce immigration law?").asks("U.S. Department of Homeland Security")
    w.answer("immigration_enforcement", "yes")
    w.asks("EO13 cannot answer this yet. Call your agency counsel: another City law").asks("Admin Code §10-178")
    log = DecisionLog.objects.get()
    assert log.outcome == "unknown" and log.facts["immigration_enforcement"] is True
    assert log.decision["conflict"] is True


def test_immigration_enforcement_is_not_asked_when_it_cannot_change_the_answer(walker, city_lot):
    w = walker.start("lot-use").answer("personnel", "federal").place(f"uid:{city_lot.uid}")
    w.answer("use", "staging_area").answer("exceptions", paper="none", exceptions=["none"])
    assert "Are they here to enforce immigration law?" not in w.page
    w.asks("No. Under the order, they may not use this City lot as a base.")


def test_guide_spells_out_the_us_department_of_homeland_security(walker, city_lot):
    w = walker.start("lot-use").answer("personnel", "federal").place(f"uid:{city_lot.uid}")
    w.answer("use", "staging_area").asks("Did they show you a paper")
    assert "A DHS paper" not in w.page and "U.S. Department of Homeland Security" in w.page


def test_change_link_brings_the_question_back_with_its_answer_and_later_answers_are_kept(walker, city_lot):
    """Issue 13, without JavaScript: the answer page lists what was said; "change" opens that question with the
    answer chosen; a new answer leads to a new decision, reusing what still matters."""
    w = walker.start("lot-use").answer("personnel", "federal").place(f"uid:{city_lot.uid}")
    w.answer("use", "staging_area").answer("exceptions", paper="I-200", exceptions=["none"])
    change = re.search(r'href="([^"]+at=use)"', w.page).group(1).replace("&amp;", "&")
    page = w.c.get(change).content.decode()
    assert "What do they want to do on the lot?" in page and 'value="staging_area" checked' in page
    assert "Step 3 of about" in page
    w.page = page
    w.answer("use", "operations_base").asks("No. Under the order").asks("Form I-200")
    assert [log.facts["use"] for log in DecisionLog.objects.order_by("pk")] == ["staging_area", "operations_base"]


def test_the_encounter_form_keeps_what_the_guide_was_told(walker, city_lot):
    w = walker.start("lot-use").answer("personnel", "federal").place(f"uid:{city_lot.uid}")
    w.answer("use", "staging_area").answer("exceptions", paper="I-205", exceptions=["none"])
    log = DecisionLog.objects.get()
    form = w.c.get(f"/staff/access/encounters/new/?decision={log.pk}").context["form"]
    assert form.initial["documents_shown"] == ["I-205"] and form.initial["immigration_enforcement"] == "yes"
    assert form.initial["request_kind"] == "use_lot" and form.initial["property"] == city_lot.uid
    assert city_lot.label in form.fields["property"].help_text
    # "Federal agents" could be any federal agency: an empty choice the person must pick, not ICE.
    assert "requesting_agency" not in form.initial and form.fields["requesting_agency"].choices[0][0] == ""
    assert "city_response" not in form.initial


def test_a_judges_warrant_reaches_the_encounter_form(walker):
    w = walker.start("property-access").answer("requester", "federal").answer("area", "non_public")
    w.place("city_building").answer("paper", "new_york_state_court").answer("authorizes", "entry")
    w.answer("immigration_enforcement", "no")
    log = DecisionLog.objects.get()
    form = w.c.get(f"/staff/access/encounters/new/?decision={log.pk}").context["form"]
    assert form.initial["documents_shown"] == ["judicial_warrant"]
    assert form.initial["immigration_enforcement"] == "no"
    assert form.initial["place_description"].startswith("A building the City owns")
