"""Template helpers for obligations: derived due state, and the "what is due" panel of the staff home."""

from typing import Any

from django import template

from eo13.accounts.policy import primary_membership
from eo13.obligations import selectors
from eo13.obligations.models import Obligation
from eo13.obligations.policy import OBLIGATION_POLICY

register = template.Library()


@register.simple_tag
def due_state(obligation: Obligation) -> str:
    return selectors.due_state(obligation)


@register.filter
def late_by(obligation: Obligation) -> str:
    return selectors.late_text(obligation)


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key, 0)


@register.inclusion_tag("obligations/_due_panel.html", takes_context=True)
def due_panel(context: dict[str, Any]) -> dict[str, Any]:
    """The staff home's "What is due": the user's own office's next and late duties."""
    user = context["request"].user
    m = primary_membership(user)
    if m is None or not OBLIGATION_POLICY.can_read(user, Obligation(agency=m.agency)):
        return {"ws": None}
    return {"ws": selectors.workspace(user, m.agency)}
