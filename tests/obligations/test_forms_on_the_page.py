"""Issue 13: the duty page's forms. A mistake is shown next to the field, with what was chosen and typed kept; each
radio is drawn once, in USWDS's style; required fields are marked; the date hint matches the date picker."""

import re
from datetime import date

import pytest

from eo13.obligations.evidence import evidence_add
from eo13.obligations.models import Obligation
from tests.obligations.helpers import PDF


@pytest.fixture
def submitted(order_issued, make_user):
    lead = make_user("agency_lead", "ACS")
    duty = Obligation.objects.get(key="s2_audit_report", agency__code="ACS")
    evidence_add(actor=lead, obligation=duty, name="audit.pdf", data=PDF, effective_date=date(2026, 5, 1))
    Obligation.objects.filter(pk=duty.pk).update(status="submitted", submitted_by=lead)
    duty.refresh_from_db()
    return duty


def test_return_without_comments_keeps_the_choice_and_says_what_to_add(submitted, make_user, login):
    c = login(make_user("city_hall", "CITYHALL"))
    r = c.post(f"/staff/obligations/{submitted.pk}/review/", {"version": submitted.version, "decision": "return"})
    assert r.status_code == 400
    html = r.content.decode()
    assert "Write what is missing, so the office knows what to fix." in html
    assert re.search(
        r'<input type="radio" class="usa-radio__input" name="decision" id="[^"]+" value="return" checked', html
    )
    submitted.refresh_from_db()
    assert submitted.status == "submitted", "nothing changed"


def test_each_radio_is_drawn_once_in_uswds_style(submitted, make_user, login):
    html = login(make_user("city_hall", "CITYHALL")).get(f"/staff/obligations/{submitted.pk}/").content.decode()
    radios = re.findall(r'<input type="radio"[^>]*>', html)
    assert len(radios) == 2 and all('class="usa-radio__input"' in r for r in radios)


def test_evidence_without_a_file_is_told_on_the_page_and_required_fields_are_marked(order_issued, make_user, login):
    duty = Obligation.objects.get(key="s2_audit_report", agency__code="ACS")
    c = login(make_user("agency_lead", "ACS"))
    page = c.get(f"/staff/obligations/{duty.pk}/").content.decode()
    assert "YYYY-MM-DD" not in page, "the date picker shows the browser's own format, so the hint does not name one"
    evidence_form = page.split('id="evidence-form"', 1)[1].split("</form>", 1)[0]
    assert evidence_form.count('title="required"') == 2  # the file and its date
    r = c.post(f"/staff/obligations/{duty.pk}/evidence/", {"effective_date": "2026-05-01"})
    assert r.status_code == 400
    assert "This field is required." in r.content.decode().split('id="evidence-form"', 1)[1]
    assert 'value="2026-05-01"' in r.content.decode(), "the date typed is kept"
    assert not duty.evidence.exists()
