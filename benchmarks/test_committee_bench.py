"""`make bench`: the crisis page with 1,000 timeline entries and 150 offices (issue 12, target under 200 ms).
Fictional offices BENCH001…BENCH150, each affected, each with an action and a resource request."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from eo13.accounts.models import Membership, Role, User
from eo13.agencies.models import Agency
from eo13.committee.models import Crisis, CrisisTask, ResourceRequest, TimelineEntry

OFFICES, ENTRIES = 150, 1000
pytestmark = [pytest.mark.bench, pytest.mark.django_db]


@pytest.fixture
def crisis_room(db):
    Agency.objects.bulk_create(
        Agency(code=f"BENCH{i:03d}", name=f"Bench Office {i}", kind="mayoral_agency") for i in range(1, OFFICES + 1)
    )
    agencies = list(Agency.objects.filter(code__startswith="BENCH"))
    start = timezone.localdate() - dt.timedelta(days=30)
    crisis = Crisis.objects.create(
        title="Bench crisis", kind="drill", starts_on=start, status="active", created_by="bench"
    )
    crisis.agencies.set(agencies)
    now = timezone.now()
    TimelineEntry.objects.bulk_create(
        TimelineEntry(crisis=crisis, at=now - dt.timedelta(minutes=i), author="bench", text=f"Bench update {i}.")
        for i in range(ENTRIES)
    )
    CrisisTask.objects.bulk_create(
        CrisisTask(crisis=crisis, agency=a, description="Bench action.", due=start + dt.timedelta(days=i % 40))
        for i, a in enumerate(agencies)
    )
    ResourceRequest.objects.bulk_create(
        ResourceRequest(
            crisis=crisis, agency=a, kind="people", description="Bench request.", due=start, requested_by="bench"
        )
        for a in agencies
    )
    chair = User.objects.create(username="bench-chair")
    Membership.objects.create(
        user=chair, agency=Agency.objects.get(code="CITYHALL"), role=Role.COMMITTEE, is_chair=True
    )
    client = Client()
    client.force_login(chair)
    return client, crisis


def test_crisis_page_1000_entries_150_offices(benchmark, crisis_room):
    client, crisis = crisis_room
    response = benchmark.pedantic(lambda: client.get(f"/staff/committee/crises/{crisis.pk}/"), rounds=10, iterations=1)
    assert response.status_code == 200
    assert b"Bench update 0." in response.content and b"BENCH150" in response.content
    assert b"All 150 resource requests for this crisis" in response.content


def test_timeline_poll_with_nothing_new(benchmark, crisis_room):
    client, crisis = crisis_room
    newest = crisis.timeline.first().pk
    url = f"/staff/committee/crises/{crisis.pk}/timeline/?after={newest}"
    response = benchmark.pedantic(lambda: client.get(url), rounds=20, iterations=1)
    assert response.status_code == 204
