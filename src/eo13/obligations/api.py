"""API routes of the obligations app."""

from ninja import Router

router = Router(tags=["obligations"])
