"""API routes of the policies app."""

from ninja import Router

router = Router(tags=["policies"])
