"""One agency never sees another's rows unless its role says so (DESIGN "Roles"), through every route so far."""

import pytest


@pytest.fixture
def people(make_user):
    return {
        "acs_lead": make_user("agency_lead", "ACS"),
        "acs_front": make_user("frontline", "ACS"),
        "doc_lead": make_user("agency_lead", "DOC"),
        "doc_privacy": make_user("privacy_officer", "DOC"),
        "city_hall": make_user("city_hall", "CITYHALL"),
        "auditor": make_user("auditor", "DOI"),
        "dss_lead": make_user("agency_lead", "DSS"),
        "dhs_front": make_user("frontline", "DHS"),
    }


# who asks -> which agencies' people they may see (None: all of them)
CASES = [
    ("acs_lead", {"ACS"}),
    ("doc_lead", {"DOC"}),
    ("doc_privacy", {"DOC"}),
    ("acs_front", set()),
    ("dss_lead", {"DSS", "DHS"}),  # a department sees its divisions
    ("city_hall", None),
    ("auditor", None),
]


@pytest.mark.parametrize("who, expected", CASES)
def test_memberships_api_is_scoped(people, api_as, who, expected):
    rows = api_as(people[who]).get("/api/v1/memberships").json()
    seen = {r["agency"] for r in rows}
    all_agencies = {"ACS", "DOC", "CITYHALL", "DOI", "DSS", "DHS"}
    assert seen == (all_agencies if expected is None else expected)


@pytest.mark.parametrize("who, expected", CASES)
def test_people_page_is_scoped(people, login, who, expected):
    html = login(people[who]).get("/staff/people/").content.decode()
    for name, user in people.items():
        agency = user.memberships.get().agency.code
        visible = expected is None or agency in expected
        assert (user.username in html) == visible, (who, name)


def test_asking_for_another_agency_by_filter_gives_nothing(people, api_as):
    assert api_as(people["acs_lead"]).get("/api/v1/memberships?agency=DOC").json() == []
