"""The API documents itself (INTERFACES §5): the OpenAPI document and a docs page served from our own files."""


def test_openapi_lists_every_area_with_request_schemas(client, db):
    doc = client.get("/api/v1/openapi.json").json()
    paths = doc["paths"]
    for expected in [
        "/api/v1/auth/token",
        "/api/v1/agencies",
        "/api/v1/decisions/{kind}",
        "/api/v1/encounters",
        "/api/v1/agreements",
        "/api/v1/memberships",
    ]:
        assert expected in paths, expected
    for path, ops in paths.items():
        for method, op in ops.items():
            if method in ("post", "put", "patch") and "{" not in path.split("/")[-1]:
                assert "requestBody" in op or op.get("parameters"), (method, path)


def test_docs_page_uses_no_outside_scripts(client, db):
    page = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn." not in page and "https://" not in page
