"""The permission policy is the one place that says who may see a record and who should be told about it
(issue 11 point 7, after Wagtail's ``users_with_any_permission``)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from eo13.accounts.models import Role
from eo13.accounts.policy import AgencyScopedPolicy
from eo13.agencies.models import Agency
from eo13.obligations.models import Obligation
from eo13.obligations.policy import OBLIGATION_POLICY, policy_for
from eo13.privacy.common import register_policy
from eo13.privacy.models import PrivacyOfficerVacancy


def test_an_unknown_role_fails_when_the_policy_is_made():
    with pytest.raises(ImproperlyConfigured, match="cityhall"):
        AgencyScopedPolicy(read_all=frozenset({"cityhall"}))


@pytest.mark.parametrize("path", ["agency", "nope", "obligation__agency"])
def test_an_agency_field_that_leads_nowhere_fails_at_first_use(db, path):
    policy = AgencyScopedPolicy(agency_field=path, read_all=frozenset({Role.AUDITOR}))
    if path == "agency":
        assert policy.visible(None, Obligation.objects.all()).count() == 0
    else:
        with pytest.raises(ImproperlyConfigured):
            policy.visible(None, Obligation.objects.all())


@pytest.fixture
def people(make_user):
    division = Agency.objects.create(
        code="ACS-TEST-DIV", name="A made-up ACS division", kind="division", parent=Agency.objects.get(code="ACS")
    )
    made = {
        "acs lead": make_user("agency_lead", "ACS"),
        "acs privacy officer": make_user("privacy_officer", "ACS"),
        "acs front line": make_user("frontline", "ACS"),
        "nypd lead": make_user("agency_lead", "NYPD"),
        "cpo": make_user("chief_privacy_officer", "MOIP"),
        "auditor": make_user("auditor", "DOI"),
    }
    gone = make_user("agency_lead", "ACS")
    gone.is_active = False
    gone.save()
    no_mail = make_user("agency_lead", "ACS")
    no_mail.email = ""
    no_mail.save()
    return division, made


@pytest.mark.parametrize(
    "policy, key, agency, told",
    [
        # An office's duty: its own leads, not other agencies', never front-line staff or auditors.
        (OBLIGATION_POLICY, "s2_audit_report", "ACS", {"acs lead"}),
        # A §6 duty also goes to the office's privacy officer.
        (None, "s6_designate_privacy_officer", "ACS", {"acs lead", "acs privacy officer"}),
        # A division's duty goes to the people of the agency it belongs to.
        (OBLIGATION_POLICY, "s2_audit_report", "ACS-TEST-DIV", {"acs lead"}),
        (OBLIGATION_POLICY, "s2_audit_report", "NYPD", {"nypd lead"}),
    ],
)
def test_who_should_be_told_about_a_duty(people, policy, key, agency, told):
    _, made = people
    duty = Obligation(agency=Agency.objects.get(code=agency), key=key)
    policy = policy or policy_for(key)
    names = {name for name, u in made.items() if u in policy.users_to_tell(duty)}
    assert names == told
    assert all(u.is_active and u.email for u in policy.users_to_tell(duty))  # never the departed or unreachable


def test_a_privacy_officer_vacancy_anywhere_is_told_to_the_chief_privacy_officer(people):
    _, made = people
    vacancy = PrivacyOfficerVacancy(agency=Agency.objects.get(code="NYPD"))
    assert register_policy.users_to_tell(vacancy) == [made["cpo"]]


def test_writable_agencies_come_from_the_policy(people, make_user):
    from eo13.access.policy import agreement_policy

    _, made = people
    lead = set(agreement_policy.writable_agencies(made["acs lead"]).values_list("code", flat=True))
    assert {"ACS", "ACS-TEST-DIV"} <= lead and "NYPD" not in lead
    assert agreement_policy.writable_agencies(make_user("city_hall", "CITYHALL")).count() == Agency.objects.count()
    assert not agreement_policy.writable_agencies(made["auditor"]).exists()
