"""The privacy pages, through the web forms (EO 13 §6)."""

import pytest

from eo13.privacy.models import IdentifyingInformationRequest as Request
from eo13.privacy.models import PrivacyOfficerDesignation, PrivacyProtocol, TrainingAttendance, TrainingSession

pytestmark = pytest.mark.django_db

PAGES = ["", "register/", "register/ACS/", "training/", "protocols/", "requests/", "requests/new/", "reports/"]


@pytest.mark.parametrize(
    "role, code, allowed",
    [
        ("privacy_officer", "ACS", set(PAGES)),
        ("chief_privacy_officer", "MOIP", set(PAGES) - {"requests/new/"}),
        ("city_hall", "CITYHALL", set(PAGES) - {"requests/", "requests/new/"}),
        ("agency_lead", "ACS", {"", "register/", "register/ACS/", "training/", "protocols/"}),
        ("frontline", "ACS", {"", "register/", "protocols/"}),
    ],
)
def test_each_role_reaches_its_pages(make_user, login, role, code, allowed):
    web = login(make_user(role, code))
    for page in PAGES:
        status = web.get(f"/staff/privacy/{page}").status_code
        assert (status == 200) == (page in allowed), (page, status)


def test_the_whole_cycle_through_the_web(make_user, login, po, cpo):
    lead = login(make_user("agency_lead", "ACS"))
    res = lead.post(
        "/staff/privacy/register/ACS/",
        {
            "action": "designate",
            "designate-full_name": "Demo Officer Alpha",
            "designate-title": "Privacy Officer",
            "designate-email": "alpha@example.nyc.test",
            "designate-phone": "212-555-0101",
            "designate-designated_on": "2026-10-01",
        },
    )
    assert res.status_code == 302
    officer = PrivacyOfficerDesignation.objects.get()
    bad = lead.post(
        "/staff/privacy/register/ACS/",
        {
            "action": "contact",
            "contact-full_name": "x",
            "contact-title": "y",
            "contact-email": "x@example.nyc.test",
            "contact-phone": "nope",
            "contact-version": "1",
        },
    )
    assert bad.status_code == 200 and "Enter a work phone number" in bad.content.decode()

    chief = login(cpo)
    assert (
        chief.post(
            "/staff/privacy/protocols/",
            {"action": "publish", "title": "Protocol one", "body": "Steps.", "effective_on": "2026-10-01"},
        ).status_code
        == 302
    )
    assert (
        chief.post(
            "/staff/privacy/training/",
            {"kind": "identifying_information_law", "topic": "IIL basics", "held_on": "2026-10-15"},
        ).status_code
        == 302
    )
    session = TrainingSession.objects.get()
    assert chief.post(f"/staff/privacy/training/{session.pk}/", {"designation": officer.pk}).status_code == 302
    assert TrainingAttendance.objects.filter(designation=officer).exists()

    web = login(po)
    assert web.post("/staff/privacy/protocols/", {"action": "acknowledge"}).status_code == 302
    assert PrivacyProtocol.objects.get().acknowledgements.count() == 1
    res = web.post(
        "/staff/privacy/requests/new/",
        {
            "agency": "ACS",
            "requesting_agency": "Demo Federal Agency",
            "instrument": "grand_jury_subpoena",
            "received_on": "2026-11-02",
            "respond_by": "2026-11-20",
            "categories": ["citizenship_or_immigration_status", "name"],
            "people_count": "2",
            "summary": "Wants records; client name: Demo Person, SSN 123-45-6789.",
        },
        follow=True,
    )
    page = res.content.decode()
    assert "We removed" in page and "123-45-6789" not in page and "the order flags this" not in page
    assert "immigrant communities" in page  # the flag explains itself
    req = Request.objects.get()
    detail = f"/staff/privacy/requests/{req.pk}/"
    res = web.post(
        detail,
        {
            "action": "decide",
            "decide-decision": "decline",
            "decide-reasons": "No",
            "decide-decided_on": "2026-11-05",
            "decide-version": "1",
        },
    )
    assert "Law Department first" in res.content.decode()
    assert (
        web.post(detail, {"action": "refer", "refer-referred_on": "2026-11-03", "refer-version": "1"}).status_code
        == 302
    )
    assert (
        web.post(
            detail,
            {
                "action": "decide",
                "decide-decision": "partial",
                "decide-reasons": "Only names.",
                "decide-decided_on": "2026-11-05",
                "decide-version": "2",
            },
        ).status_code
        == 302
    )
    assert (
        web.post(
            detail,
            {
                "action": "disclose",
                "disclose-categories": ["name"],
                "disclose-disclosed_on": "2026-11-06",
                "disclose-version": "3",
            },
        ).status_code
        == 302
    )
    req.refresh_from_db()
    assert req.status == "disclosed" and req.disclosed_categories == ["name"]
    assert "Respond by" in web.get("/staff/privacy/requests/").content.decode()
