"""One optimistic lock (issue 11 point 6): ``versioned_update`` writes only over the version the caller saw."""

from typing import Any

import pytest

from eo13.agencies.models import Agency
from eo13.errors import ConflictError
from eo13.versioning import check_version, version_field, versioned_update

pytestmark = pytest.mark.django_db

# (what the caller sends, extra condition on the row, whether it is saved)
CASES = [
    pytest.param(0, None, True, id="right version: saved, version + 1"),
    pytest.param(-1, None, False, id="stale version: conflict, nothing changes"),
    pytest.param(1, None, False, id="version from the future: conflict"),
    pytest.param(0, {"code": "ACS"}, True, id="right version, row still as expected"),
    pytest.param(0, {"code": "NOPE"}, False, id="right version, row no longer as expected: conflict"),
]


@pytest.mark.parametrize(("offset", "where", "saved"), CASES)
def test_versioned_update(offset: int, where: dict[str, Any] | None, saved: bool) -> None:
    agency = Agency.objects.get(code="ACS")
    start, name = agency.version, agency.counsel_name
    stale_copy = Agency.objects.get(pk=agency.pk)
    if saved:
        updated, changes = versioned_update(agency, start + offset, where=where, counsel_name="Office of Counsel X")
        assert updated is agency
        assert (agency.version, agency.counsel_name) == (start + 1, "Office of Counsel X")
        assert changes == {"counsel_name": {"old": name, "new": "Office of Counsel X"}}
    else:
        with pytest.raises(ConflictError):
            versioned_update(agency, start + offset, where=where, counsel_name="Office of Counsel X")
    stored = Agency.objects.get(pk=agency.pk)
    assert (stored.version, stored.counsel_name) == ((start + 1, "Office of Counsel X") if saved else (start, name))
    # A copy read before the write is now stale, and is refused in turn.
    if saved:
        with pytest.raises(ConflictError, match="Reload"):
            versioned_update(stale_copy, stale_copy.version, counsel_name="Someone else")
        assert Agency.objects.get(pk=agency.pk).counsel_name == "Office of Counsel X"


def test_sensitive_fields_show_only_that_they_changed() -> None:
    agency = Agency.objects.get(code="ACS")
    _, changes = versioned_update(agency, agency.version, sensitive=("counsel_phone",), counsel_phone="212-555-0199")
    assert changes["counsel_phone"]["new"] != "212-555-0199"


def test_check_version_and_the_field_a_model_names() -> None:
    from eo13.policies.models import Material, PolicyTranslation

    agency = Agency.objects.get(code="ACS")
    check_version(agency, agency.version)
    with pytest.raises(ConflictError, match="Try"):
        check_version(agency, agency.version + 1, conflict="Try again.")
    assert (version_field(Agency), version_field(Material), version_field(PolicyTranslation)) == (
        "version",
        "version",
        "edit_version",
    )
