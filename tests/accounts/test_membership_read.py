"""Every role check reads the user's memberships with one statement written once (issue 14). It must give what the
ORM gives: the same memberships, in the same order (the first is the user's primary office), with every field of
the membership and of its agency converted the same way (booleans, the nullable one included, and times)."""

import pytest
from django.db.models import Model

from eo13.accounts.membership_read import memberships_read
from eo13.accounts.models import Membership, Role
from eo13.accounts.policy import memberships, primary_membership
from eo13.agencies.models import Agency


def _fields(obj: Model) -> dict[str, object]:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


@pytest.fixture
def many_hats(make_user):
    """A fictional user in three offices under two roles, listed out of order on purpose."""
    user = make_user("privacy_officer", "NYPD")
    Membership.objects.create(user=user, agency=Agency.objects.get(code="ACS"), role=Role.FRONTLINE, is_chair=True)
    Membership.objects.create(user=user, agency=Agency.objects.get(code="ACS"), role=Role.AGENCY_LEAD)
    Agency.objects.filter(code="ACS").update(mayor_appoints_board_majority=None, is_section_2=True)
    Agency.objects.filter(code="NYPD").update(mayor_appoints_board_majority=True, active=True)
    return user


def test_the_fast_read_gives_what_the_orm_gives(many_hats):
    orm = list(Membership.objects.filter(user=many_hats).select_related("agency"))
    fast = memberships_read(many_hats.pk)
    assert [(m.agency.code, m.role) for m in fast] == [
        ("ACS", "agency_lead"),
        ("ACS", "frontline"),
        ("NYPD", "privacy_officer"),
    ]
    assert [_fields(m) for m in fast] == [_fields(m) for m in orm]
    assert [_fields(m.agency) for m in fast] == [_fields(m.agency) for m in orm]
    # Each value has the type the ORM gives it, not what the database driver hands back (SQLite: 0/1, text).
    for a, b in zip(fast, orm, strict=True):
        assert {k: type(v) for k, v in _fields(a).items()} == {k: type(v) for k, v in _fields(b).items()}
        assert {k: type(v) for k, v in _fields(a.agency).items()} == {k: type(v) for k, v in _fields(b.agency).items()}
        assert not a._state.adding and a._state.db == b._state.db


def test_the_agency_comes_without_another_query(many_hats, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = memberships(many_hats)
        names = [m.agency.name for m in found]
        assert primary_membership(many_hats).agency.code == "ACS"
    assert names == [Agency.objects.get(code=code).name for code in ("ACS", "ACS", "NYPD")]


def test_a_user_with_no_membership_has_none(make_user, django_user_model):
    nobody = django_user_model.objects.create_user(username="test-nobody", password="fictional-only-1")
    assert memberships_read(nobody.pk) == []


def test_a_token_brings_its_user_and_memberships_in_one_query(many_hats, django_assert_num_queries):
    from eo13.accounts.tokens import token_create, token_user

    _, raw = token_create(actor=many_hats, name="test")
    token_user(raw)  # the first use writes last use; the next ones within a minute only read
    with django_assert_num_queries(1):
        user = token_user(raw)
        found = memberships(user)
        assert primary_membership(user).agency.code == "ACS"
    orm_user = type(many_hats).objects.get(pk=many_hats.pk)
    assert _fields(user) == _fields(orm_user)
    assert {k: type(v) for k, v in _fields(user).items()} == {k: type(v) for k, v in _fields(orm_user).items()}
    expected = memberships_read(many_hats.pk)
    assert [_fields(m) for m in found] == [_fields(m) for m in expected]
    assert [_fields(m.agency) for m in found] == [_fields(m.agency) for m in expected]


def test_a_token_of_a_user_with_no_membership_gives_no_roles(django_user_model, django_assert_num_queries):
    from eo13.accounts.tokens import token_create, token_user

    nobody = django_user_model.objects.create_user(username="test-nobody-2", password="fictional-only-1")
    _, raw = token_create(actor=nobody, name="test")
    token_user(raw)
    with django_assert_num_queries(1):
        user = token_user(raw)
        assert user.pk == nobody.pk and memberships(user) == [] and primary_membership(user) is None
