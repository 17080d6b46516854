"""Fixtures for policies tests: the people in the §2(1) workflow and a policy at each stage."""

from collections.abc import Callable
from typing import Any

import pytest

from eo13.agencies.models import Agency
from eo13.policies import services
from eo13.policies.models import Policy, PolicyTranslation

BODY = "We help people. You can call us. Ask for a warrant signed by a judge."


@pytest.fixture
def lead(make_user: Any) -> Any:
    return make_user("agency_lead", "ACS")


@pytest.fixture
def second_lead(make_user: Any) -> Any:
    return make_user("agency_lead", "ACS")


@pytest.fixture
def reviewer(make_user: Any) -> Any:
    return make_user("agency_lead", "LAW")


@pytest.fixture
def translator(make_user: Any) -> Any:
    return make_user("agency_lead", "MOIA")


@pytest.fixture
def draft(lead: Any) -> Policy:
    return services.policy_create(
        actor=lead, agency=Agency.objects.get(code="ACS"), title="Outside officers at our sites", body=BODY
    )


@pytest.fixture
def publish(lead: Any, reviewer: Any) -> Callable[..., Policy]:
    """publish(policy) -> the policy with its open version approved (or a new version, when none is open)."""

    def _publish(policy: Policy, *, body: str | None = None, summary: str = "Clearer steps.") -> Policy:
        version = policy.versions.filter(status__in=["draft", "in_review"]).first()
        if version is None:
            version = services.version_start(actor=lead, policy=policy)
        if version.status == "draft":
            version = services.version_update(
                actor=lead,
                version=version,
                expected_version=version.version,
                title=version.title,
                body=body or version.body,
                change_summary=version.change_summary or summary,
            )
            version = services.version_submit(actor=lead, version=version, expected_version=version.version)
        services.version_approve(actor=reviewer, version=version, expected_version=version.version)
        policy.refresh_from_db()
        return policy

    return _publish


@pytest.fixture
def published(draft: Policy, publish: Callable[..., Policy]) -> Policy:
    return publish(draft)


@pytest.fixture
def translate(translator: Any, lead: Any) -> Callable[..., PolicyTranslation]:
    def _translate(policy: Policy, code: str = "ko", *, approve: bool = True) -> PolicyTranslation:
        policy.refresh_from_db()
        t = services.translation_submit(
            actor=translator,
            policy=policy,
            language_code=code,
            version_number=policy.current_version.number,
            title=f"[{code}] title",
            body=f"[{code}] body text",
        )
        if approve:
            t = services.translation_approve(actor=lead, translation=t, expected_version=t.edit_version)
        return t

    return _translate
