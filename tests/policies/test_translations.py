"""Translations into the designated citywide languages (EO 13 §2(1); Admin Code §23-1101, §23-1102)."""

import pytest

from eo13.audit.models import AuditEntry
from eo13.errors import ConflictError, PermissionDenied, ValidationFailed
from eo13.policies import selectors, services
from eo13.policies.languages import DESIGNATED_LANGUAGES
from eo13.policies.models import DesignatedLanguage, PolicyTranslation

pytestmark = pytest.mark.django_db


def test_the_ten_designated_languages_are_data_with_their_date():
    langs = list(DesignatedLanguage.objects.values_list("code", "name"))
    assert [c for c, _ in langs] == ["es", "zh-hant", "ru", "bn", "ht", "ko", "ar", "ur", "fr", "pl"]
    assert len(DESIGNATED_LANGUAGES) == 10
    first = DesignatedLanguage.objects.first()
    assert first.designated_on.isoformat() == "2017-07-01" and "Local Law 30 of 2017" in first.source


def test_a_translation_for_the_wrong_version_is_refused(published, publish, translator):
    publish(published, body="Newer text.")
    published.refresh_from_db()
    assert published.current_version.number == 2
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationFailed) as err:
        services.translation_submit(
            actor=translator, policy=published, language_code="ko", version_number=1, title="t", body="b"
        )
    assert err.value.field == "version" and "published version is 2" in err.value.message
    assert not PolicyTranslation.objects.exists() and AuditEntry.objects.count() == before


@pytest.mark.parametrize("code", ["xx", "en", "", "KO "])
def test_only_designated_languages(published, translator, code):
    with pytest.raises(ValidationFailed):
        services.translation_submit(
            actor=translator, policy=published, language_code=code, version_number=1, title="t", body="b"
        )
    assert not PolicyTranslation.objects.exists()


def test_nothing_to_translate_before_publication(draft, translator):
    with pytest.raises(ValidationFailed):
        services.translation_submit(
            actor=translator, policy=draft, language_code="ko", version_number=1, title="t", body="b"
        )


def test_a_second_person_approves(published, translator, lead, translate):
    t = translate(published, "ko", approve=False)
    with pytest.raises(PermissionDenied):
        services.translation_approve(actor=translator, translation=t, expected_version=t.edit_version)
    t = services.translation_approve(actor=lead, translation=t, expected_version=t.edit_version)
    assert t.status == "approved" and t.approved_by == lead


@pytest.mark.parametrize("role, agency", [("agency_lead", "DOC"), ("frontline", "ACS"), ("city_hall", "CITYHALL")])
def test_who_may_not_translate(make_user, published, role, agency):
    with pytest.raises(PermissionDenied):
        services.translation_submit(
            actor=make_user(role, agency), policy=published, language_code="ko", version_number=1, title="t", body="b"
        )


def test_coverage_board_states(published, publish, translate, lead):
    translate(published, "ko")  # approved, v1
    translate(published, "es", approve=False)  # waiting, v1
    board = selectors.coverage_board(user=lead)
    cells = {c.language.code: c.state for c in board["rows"][0].cells}
    assert cells["ko"] == "current" and cells["es"] == "waiting" and cells["fr"] == "missing"
    assert board["agencies"][0]["agency"].code == "ACS"
    assert dict((lang.code, n) for lang, n in board["agencies"][0]["cells"])["ko"] == 1
    # The English changes: the Korean translation of version 1 is now stale.
    publish(published, body="Changed English.")
    board = selectors.coverage_board(user=lead)
    cells = {c.language.code: c.state for c in board["rows"][0].cells}
    assert cells["ko"] == "stale" and cells["es"] == "missing"


def test_approving_a_stale_translation_is_refused(published, publish, translate, lead):
    t = translate(published, "ko", approve=False)
    publish(published, body="Changed English.")
    with pytest.raises(ConflictError):
        services.translation_approve(actor=lead, translation=t, expected_version=t.edit_version)
    t.refresh_from_db()
    assert t.status == "submitted"


def test_other_agencies_do_not_see_the_board_rows(published, make_user):
    assert selectors.coverage_board(user=make_user("agency_lead", "DOC"))["rows"] == []
    assert len(selectors.coverage_board(user=make_user("city_hall", "CITYHALL"))["rows"]) == 1
