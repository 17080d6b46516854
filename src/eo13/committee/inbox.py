"""What waits for an office from the Committee: resource requests (EO 13 §8(2)) and actions or data requests
(EO 13 §7(1)) given to it and not yet answered, the one due soonest first."""

from typing import Any

from django.urls import reverse

from eo13.accounts.policy import agency_ids
from eo13.committee.models import CrisisTask, ResourceAnswer, ResourceRequest, TaskStatus
from eo13.committee.policy import ANSWER_ROLES
from eo13.committee.selectors import is_overdue
from eo13.inbox import Item, Waiting, group


def _late(record: ResourceRequest | CrisisTask) -> str:
    return ", late" if is_overdue(record) else ""


def _request(r: ResourceRequest) -> Item:
    return Item(
        f"{r.agency.code}: {r.get_kind_display()}, due {r.due:%b %-d, %Y}{_late(r)}",
        reverse("committee:request", args=[r.pk]),
        r.created_at,
    )


def _task(t: CrisisTask) -> Item:
    return Item(
        f"{t.agency.code}: {t.get_kind_display()}, due {t.due:%b %-d, %Y}{_late(t)}",
        reverse("committee:task", args=[t.pk]),
        t.created_at,
    )


def waiting(user: Any) -> list[Waiting]:
    # Only the office a request was given to answers it (committee.policy.require_answer), so only its own.
    mine = agency_ids(user, ANSWER_ROLES)
    if not mine:
        return []
    requests = ResourceRequest.objects.filter(agency__in=mine, answer=ResourceAnswer.PENDING)
    tasks = CrisisTask.objects.filter(agency__in=mine, status=TaskStatus.OPEN)
    work = reverse("committee:work")
    return group(
        "Committee resource requests to answer", requests.select_related("agency").order_by("due", "pk"), _request, work
    ) + group("Committee actions to do", tasks.select_related("agency").order_by("due", "pk"), _task, work)
