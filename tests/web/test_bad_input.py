"""Unknown routes, bad tokens, bad JSON, oversized bodies: a clear JSON error (API) or plain page (web), never a 500."""

import pytest

from eo13.accounts.models import APIToken


@pytest.mark.parametrize(
    "method, path, body, headers, status, message",
    [
        ("get", "/api/v1/no-such-thing", None, {}, 404, "could not find"),
        ("get", "/api/v1/agencies", None, {"Authorization": "Bearer not-a-token"}, 401, "valid API token"),
        ("get", "/api/v1/agencies", None, {"Authorization": "Basic Zm9vOmJhcg=="}, 401, "valid API token"),
        ("post", "/api/v1/auth/token", "{not json", {}, 400, "not valid JSON"),
        ("post", "/api/v1/auth/token", '{"username": 5}', {}, 422, ""),
        ("post", "/api/v1/auth/token", "[1, 2]", {}, 422, ""),
    ],
)
def test_api_errors_are_json(client, db, method, path, body, headers, status, message):
    kw = {"data": body, "content_type": "application/json"} if body is not None else {}
    r = getattr(client, method)(path, headers=headers, **kw)
    assert r.status_code == status
    assert r["Content-Type"].startswith("application/json")
    assert message in r.json()["error"]
    assert APIToken.objects.count() == 0


def test_oversized_api_body_is_a_clear_413(client, db):
    big = '{"username": "' + "x" * (2 * 1024 * 1024) + '", "password": "y"}'
    r = client.post("/api/v1/auth/token", data=big, content_type="application/json")
    assert r.status_code == 413
    assert r["Content-Type"].startswith("application/json")
    assert "error" in r.json()


def test_oversized_form_post_is_a_plain_400_page(client, db):
    r = client.post("/accounts/login/", data={"username": "x" * (2 * 1024 * 1024), "password": "y"})
    assert r.status_code == 400
    assert b"could not be read" in r.content
    assert b"Traceback" not in r.content


@pytest.mark.parametrize("path", ["/staff/no-such-page/", "/en/no-such-page/", "/nowhere"])
def test_unknown_web_route_is_a_plain_404_page(client, db, path):
    r = client.get(path, follow=True)
    assert r.status_code == 404
    assert b"We could not find that page" in r.content
    assert r["Content-Type"].startswith("text/html")


def test_revoked_token_is_refused(api_as, make_user):
    user = make_user("agency_lead", "ACS")
    api = api_as(user)
    assert api.get("/api/v1/me").status_code == 200
    token = APIToken.objects.get(user=user)
    assert api.delete(f"/api/v1/auth/tokens/{token.pk}").status_code == 204
    assert api.get("/api/v1/me").status_code == 401
