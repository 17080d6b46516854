"""What waits for a privacy officer: requests for identifying information not yet answered, the one due soonest
first (EO 13 §6; Admin Code §23-1202)."""

from typing import Any

from django.db.models import F
from django.urls import reverse

from eo13.inbox import Item, Waiting, group
from eo13.privacy.common import request_policy
from eo13.privacy.models import IdentifyingInformationRequest


def _item(r: IdentifyingInformationRequest) -> Item:
    due = f", answer by {r.respond_by:%b %-d, %Y}" if r.respond_by else ""
    return Item(f"{r.agency.code}: request {r.reference}{due}", reverse("privacy:request", args=[r.pk]), r.received_on)


def waiting(user: Any) -> list[Waiting]:
    open_requests = request_policy.editable(user, IdentifyingInformationRequest.objects.filter(decision=""))
    ordered = open_requests.select_related("agency").order_by(F("respond_by").asc(nulls_last=True), "received_on")
    return group("Requests for identifying information to answer", ordered, _item, reverse("privacy:requests"))
