"""Staff links are worked out once per process (issue 14); each must still follow the site's prefix and the user's
roles, as if it were reversed on every page."""

import pytest
from django.test import RequestFactory
from django.urls import get_script_prefix, set_script_prefix

from eo13.web.context_processors import eo13

pytestmark = pytest.mark.django_db


def _nav(user):
    request = RequestFactory().get("/")
    request.user = user
    return dict(eo13(request)["eo13_nav"])


def test_links_follow_the_sites_prefix_and_the_users_roles(make_user):
    hall, frontline = make_user("city_hall", "CITYHALL"), make_user("frontline", "ACS")
    before = get_script_prefix()
    try:
        plain = _nav(hall)
        assert plain and all(url.startswith("/") and not url.startswith("/city/") for url in plain.values())
        set_script_prefix("/city/")
        prefixed = _nav(hall)
        assert prefixed == {label: "/city" + url for label, url in plain.items()}
    finally:
        set_script_prefix(before)
    assert _nav(frontline) != plain  # another role, other links: the cache holds addresses, not choices
