"""The decision path skips the scrubber for its audit changes (issue 14), because a decision's kind and outcome
come from closed lists. The skip is checked, not trusted: anything that could be free text is refused before a
single row is written, and every word the decision path records is one the scrubber would keep anyway."""

import pytest
from django.db import transaction

from eo13.audit.actions import AuditAction
from eo13.audit.models import AuditEntry
from eo13.audit.services import audit_record
from eo13.law.engine import Outcome
from eo13.law.facts import KINDS
from eo13.scrub import scrub_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("word", [*KINDS, *Outcome])
def test_every_word_the_decision_path_records_is_one_the_scrubber_keeps(word):
    with transaction.atomic():
        entry = audit_record(
            actor="test", action=AuditAction.DECISION_RECORD, changes={"x": {"new": str(word)}}, vocabulary_only=True
        )
    assert scrub_text(str(word)) == str(word)
    assert AuditEntry.objects.get(seq=entry.seq).changes == {"x": {"new": str(word)}}


@pytest.mark.parametrize(
    "value",
    ["Maria Gonzalez", "maria gonzalez", "A123456789", "212-555-0100", "x@example.test", "Permitted", "", 7, ["a"]],
)
def test_anything_that_could_be_free_text_is_refused_and_nothing_is_written(value):
    before = AuditEntry.objects.count()
    with pytest.raises(ValueError, match="not a vocabulary word"), transaction.atomic():
        audit_record(
            actor="test", action=AuditAction.DECISION_RECORD, changes={"x": {"new": value}}, vocabulary_only=True
        )
    assert AuditEntry.objects.count() == before
