"""/api/v3/ answers a newcomer with links instead of a 404."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_root_links_docs_schema_and_endpoints(client, home_page):
    response = client.get("/api/v3/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["docs"] == "http://testserver/api/v3/docs/"
    assert body["openapi"] == "http://testserver/api/v3/openapi.json"
    for name in ("pages", "partners", "policy-fields", "contact-points", "opendata/hsds"):
        assert body["endpoints"][name] == f"http://testserver/api/v3/{name}/"
    assert not [path for path in body["endpoints"] if "{" in path]
    # Every link answers (the docs page and the schema included).
    for url in [body["docs"], body["openapi"], body["endpoints"]["partners"]]:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200
