"""API routes of the access app."""

from ninja import Router

router = Router(tags=["access"])
