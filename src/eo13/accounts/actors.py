"""Who acts: the types services take as ``actor`` (issue 11 point 3).

A view passes ``request.user``, which is anonymous when no one signed in; the permission policy refuses that one,
so services take both (``Actor``). Start-up data, commands, scheduled jobs and the sign-in provider act under a name
instead ("bootstrap", "oidc", "system"), which the audit log records as the actor's name (``ActorOrJob``).
"""

from django.contrib.auth.models import AnonymousUser

from eo13.accounts.models import User
from eo13.errors import PermissionDenied

type Actor = User | AnonymousUser
type ActorOrJob = User | AnonymousUser | str


def person(actor: ActorOrJob | None) -> User | None:
    """The signed-in person behind ``actor``; None for an anonymous visitor or a job acting under a name."""
    return actor if isinstance(actor, User) and actor.is_authenticated else None


def signed_in(actor: ActorOrJob | None) -> User:
    """The signed-in person behind ``actor``, for the "made by" of a record. The policy has already refused
    everyone else by the time a service stores this; the check keeps that true if it ever does not."""
    user = person(actor)
    if user is None:
        raise PermissionDenied("Sign in first.")
    return user
