"""Fixtures for training tests: an ACS lead, a published ACS policy, a course on it, and CSV writers."""

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest

from eo13.agencies.models import Agency
from eo13.policies import services as policy_services
from eo13.policies.models import Policy
from eo13.training import services
from eo13.training.models import Course

ROSTER_HEADER = ["agency", "staff_id", "name", "email", "role_group", "public_facing"]
COMPLETION_HEADER = ["agency", "staff_id", "course", "completed_on"]


def csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def roster_row(staff_id: str, name: str = "Demo Officer Alpha", **kw: str) -> list[str]:
    return [
        kw.get("agency", "ACS"),
        staff_id,
        name,
        kw.get("email", ""),
        kw.get("role_group", "employee"),
        kw.get("public_facing", "no"),
    ]


@pytest.fixture
def acs() -> Agency:
    return Agency.objects.get(code="ACS")


@pytest.fixture
def lead(make_user: Any) -> Any:
    return make_user("agency_lead", "ACS")


@pytest.fixture
def reviewer(make_user: Any) -> Any:
    return make_user("agency_lead", "LAW")


@pytest.fixture
def publish(lead: Any, reviewer: Any) -> Callable[..., Policy]:
    """publish(policy=None, agency_lead=lead) -> a policy whose next version is approved and published."""

    def _publish(policy: Policy | None = None, *, actor: Any = None, agency: str = "ACS", title: str = "") -> Policy:
        actor = actor or lead
        if policy is None:
            policy = policy_services.policy_create(
                actor=actor,
                agency=Agency.objects.get(code=agency),
                title=title or f"Outside officers at {agency} sites",
                body="Ask for a warrant signed by a judge. Call counsel.",
            )
            version = policy.versions.get()
        else:
            version = policy_services.version_start(actor=actor, policy=policy)
        version = policy_services.version_update(
            actor=actor,
            version=version,
            expected_version=version.version,
            title=version.title,
            body=version.body + " More steps.",
            change_summary="Clearer steps.",
        )
        version = policy_services.version_submit(actor=actor, version=version, expected_version=version.version)
        policy_services.version_approve(actor=reviewer, version=version, expected_version=version.version)
        policy.refresh_from_db()
        return policy

    return _publish


@pytest.fixture
def policy(publish: Callable[..., Policy]) -> Policy:
    return publish()


@pytest.fixture
def course(lead: Any, policy: Policy) -> Course:
    return services.course_create(actor=lead, policy=policy, code="EO13-V1", title="Outside officers, version 1")
