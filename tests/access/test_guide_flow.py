"""The guide for the person at the door, walked with the test client (no JavaScript)."""

import re

import pytest

from eo13.access.models import DecisionLog


def _state(html: str) -> str:
    return re.search(r'name="state" value="([^"]+)"', html).group(1)


class Walker:
    def __init__(self, client):
        self.c = client
        self.page = ""

    def start(self, kind):
        r = self.c.post("/staff/access/guide/", {"start": kind})
        self.page = r.content.decode()
        return self

    def answer(self, question, *values, **extra):
        data = {"state": _state(self.page), "question": question, "answer": list(values), **extra}
        r = self.c.post("/staff/access/guide/", data, follow=True)
        self.page = r.content.decode()
        return self

    def place(self, value):
        r = self.c.post(
            "/staff/access/guide/", {"state": _state(self.page), "question": "place", "place": value}, follow=True
        )
        self.page = r.content.decode()
        return self

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
    w.answer("use", "staging_area").asks("Is it part of enforcing a law?")
    w.answer("law_enforcement_purpose", "yes").asks("Is any of these true?")
    w.answer("exceptions", "none")
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
    w.answer("use", "operations_base").answer("law_enforcement_purpose", "yes")
    w.answer("exceptions", "judicial_warrant").asks("Who issued it?")
    w.answer("issued_by", "immigration_officer").answer("authorizes", "custody").answer("form", "I-205")
    w.asks("No. Under the order").asks("never a judicial warrant")


def test_exigent_circumstances_need_a_basis_and_are_recorded(walker, city_lot):
    w = walker.start("lot-use").answer("personnel", "state").place(f"uid:{city_lot.uid}")
    w.answer("use", "staging_area").answer("law_enforcement_purpose", "yes")
    w.answer("exceptions", "exigent_circumstances").asks("say in a few words why")
    w.answer("exceptions", "exigent_circumstances", basis_exigent_circumstances="Fire drill in progress, fictional")
    w.asks("Are they here to enforce immigration law?").answer("immigration_enforcement", "no")
    w.asks("Yes. The order allows them").asks("EO 13 §3(5)").asks("Fire drill in progress")
    attested = DecisionLog.objects.get().decision["attested"]
    assert attested[0]["fact"] == "exigent_circumstances" and attested[0]["by"].endswith("(DHS)")


def test_not_sure_leads_to_counsel(walker):
    w = walker.start("property-access").answer("requester", "federal")
    w.place("city_building").answer("area", "non_public")
    w.answer("judicial_warrant", "unsure").answer("authorized_by_city_personnel", "no").answer("emergency", "no")
    w.answer("immigration_enforcement", "no")
    w.asks("EO13 cannot answer this yet. Call your agency counsel.")
    assert DecisionLog.objects.get().outcome == "unknown"


def test_property_access_with_a_state_court_warrant(walker):
    w = (
        walker.start("property-access")
        .answer("requester", "federal")
        .place("city_building")
        .answer("area", "non_public")
    )
    w.answer("judicial_warrant", "paper").asks("Who issued it?")
    w.answer("issued_by", "new_york_state_court").answer("authorizes", "search").answer("form", "other")
    w.asks("Are they here to enforce immigration law?").answer("immigration_enforcement", "no")
    w.asks("Yes, they may enter, but only as far as the reason below allows.")


def test_public_area_is_not_covered(walker):
    walker.start("property-access").answer("requester", "federal").answer("area", "public").asks("does not apply here")


def test_is_it_a_warrant(walker):
    w = walker.start("warrant").asks("Who issued it?").asks("names a court at the top")
    w.answer("issued_by", "article_iii_judge").answer("authorizes", "entry").answer("form", "other")
    w.asks("This looks like a judicial warrant.")


def test_other_requests_go_to_the_privacy_officer(walker):
    walker.start("other").asks("privacy officer").asks("Record this encounter")


def test_search_without_javascript_then_pick(walker, city_lot):
    w = walker.start("lot-use").answer("personnel", "federal")
    r = w.c.post(
        "/staff/access/guide/", {"state": _state(w.page), "question": "place", "q": city_lot.address[:8], "search": "1"}
    )
    page = r.content.decode()
    assert city_lot.uid in page
    # The search submit alone is not an answer: the same question comes back with results.
    assert "Where are they?" in page


def test_tampered_state_starts_over(walker):
    walker.start("lot-use")
    r = walker.c.post("/staff/access/guide/", {"state": "forged", "question": "use", "answer": "other"}, follow=True)
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
    w.answer("use", "staging_area").answer("law_enforcement_purpose", "yes")
    basis = (
        "Agent said name: Zelda Canarysdottir, SSN 078-05-1120, A123456789, canary.person@example.org, (212) 555-0147"
    )
    w.answer("exceptions", "exigent_circumstances", basis_exigent_circumstances=basis)
    w.answer("immigration_enforcement", "no")
    log = DecisionLog.objects.get()
    stored = str(log.facts) + str(log.decision) + str(list(AuditEntry.objects.values_list("changes", flat=True)))
    for c in canaries:
        assert c not in stored and c not in w.page, c


def test_immigration_enforcement_is_asked_when_it_matters_and_logged(walker, city_lot):
    """Issue 10 (EO 13 §4, §1(5); Admin Code §10-178): an answer that would let them use the lot is never given
    plainly when they are there for immigration enforcement; the guide asks, and the decision log records it."""
    w = walker.start("lot-use").answer("personnel", "federal").place(f"uid:{city_lot.uid}")
    w.answer("use", "staging_area").answer("law_enforcement_purpose", "yes")
    w.answer("exceptions", "exigent_circumstances", basis_exigent_circumstances="Fictional gas leak next door")
    w.asks("Are they here to enforce immigration law?").asks("U.S. Department of Homeland Security")
    w.answer("immigration_enforcement", "yes")
    w.asks("EO13 cannot answer this yet. Call your agency counsel: another City law").asks("Admin Code §10-178")
    log = DecisionLog.objects.get()
    assert log.outcome == "unknown" and log.facts["immigration_enforcement"] is True
    assert log.decision["conflict"] is True


def test_immigration_enforcement_is_not_asked_when_it_cannot_change_the_answer(walker, city_lot):
    w = walker.start("lot-use").answer("personnel", "federal").place(f"uid:{city_lot.uid}")
    w.answer("use", "staging_area").answer("law_enforcement_purpose", "yes").answer("exceptions", "none")
    assert "Are they here to enforce immigration law?" not in w.page
    w.asks("No. Under the order, they may not use this City lot as a base.")


def test_guide_spells_out_the_us_department_of_homeland_security(walker, city_lot):
    w = walker.start("lot-use").answer("personnel", "federal").place(f"uid:{city_lot.uid}")
    w.answer("use", "staging_area").answer("law_enforcement_purpose", "yes")
    w.answer("exceptions", "judicial_warrant").asks("Who issued it?")
    assert "A DHS paper" not in w.page and "U.S. Department of Homeland Security" in w.page
