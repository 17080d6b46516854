"""What waits for a person in the obligations workspace: duties to review (City Hall) and duties returned with
comments to the office that must fix them (EO 13 §2, §6; DESIGN "Roles")."""

from typing import Any

from django.urls import reverse

from eo13.accounts.policy import has_role
from eo13.inbox import Item, Waiting, group
from eo13.obligations.models import Obligation, Status
from eo13.obligations.policy import OBLIGATION_POLICY, REVIEWERS


def _item(o: Obligation) -> Item:
    return Item(f"{o.agency.code}: {o.title}", reverse("obligations:detail", args=[o.pk]), o.submitted_at or o.due)


def waiting(user: Any) -> list[Waiting]:
    found: list[Waiting] = []
    if has_role(user, REVIEWERS):
        # A reviewer never reviews their own submission (obligations.services), so those are not theirs to do.
        to_review = (
            OBLIGATION_POLICY.visible(user, Obligation.objects.filter(status=Status.SUBMITTED))
            .exclude(submitted_by=user)
            .select_related("agency")
            .order_by("submitted_at", "pk")
        )
        found += group("Duties to review", to_review, _item, reverse("obligations:board") + "?state=submitted")
    returned = (
        OBLIGATION_POLICY.editable(user, Obligation.objects.filter(status=Status.RETURNED))
        .select_related("agency")
        .order_by("due", "pk")
    )
    if not has_role(user, REVIEWERS):  # City Hall may edit every office's duties, but fixing them is the office's job
        found += group("Duties returned to you with comments", returned, _item, reverse("obligations:workspace"))
    return found
