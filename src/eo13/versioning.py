"""Optimistic locking: the one place a version number is checked and moved on (issue 11 point 6).

Two people can open the same record; the second to save must not silently overwrite the first. Every editable
record carries a version number; a form or API call sends back the version it started from, and the write is one

    UPDATE ... SET ..., version = version + 1 WHERE pk = %s AND version = <expected>

so the check and the write are one statement, with no window between them (in the style of HackSoft's
``model_update``). When no row matches, someone else saved first: the caller gets ``ConflictError`` and nothing
changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from eo13.audit.services import field_changes, snapshot
from eo13.errors import ConflictError

STALE = "Someone else changed this record since you opened it. Reload and try again."


def version_field(model: type[models.Model] | models.Model) -> str:
    """The name of the model's version column: ``version`` unless the model names another (a translation's
    ``version`` is the English text it translates)."""
    return str(getattr(model, "VERSION_FIELD", "version"))


def check_version(instance: models.Model, expected_version: int, *, conflict: str = STALE) -> None:
    """For a flow that must read a row it has locked (``select_for_update``) before deciding what to write:
    refuse at once when the caller's copy is stale, before any other check speaks."""
    if getattr(instance, version_field(instance)) != expected_version:
        raise ConflictError(conflict)


def versioned_update[M: models.Model](
    instance: M,
    expected_version: int,
    *,
    conflict: str = STALE,
    where: Mapping[str, Any] | None = None,
    sensitive: Iterable[str] = (),
    **fields: Any,
) -> tuple[M, dict[str, dict[str, Any]]]:
    """Write ``fields`` to ``instance`` if its stored version is still ``expected_version``; move the version on.

    ``where`` adds conditions the row must still meet (a duty's status, say). Raises ``ConflictError(conflict)``
    when the row was changed meanwhile, and nothing is written. Returns the refreshed instance and the fields that
    changed as ``{field: {"old", "new"}}`` (``sensitive`` ones show only that they changed), ready for the audit
    entry."""
    name = version_field(instance)
    before = snapshot(instance, fields)
    updated = (
        type(instance)
        ._default_manager.filter(pk=instance.pk, **{name: expected_version}, **dict(where or {}))
        .update(**fields, **{name: expected_version + 1})
    )
    if not updated:
        raise ConflictError(conflict)
    instance.refresh_from_db()
    return instance, field_changes(before, snapshot(instance, fields), sensitive=sensitive)
