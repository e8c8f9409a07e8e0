"""The OpenAPI document and the interactive docs.

The snapshot in tests/api/snapshots/openapi.json pins the public contract: a
change of any path, parameter or schema fails this test until the snapshot is
regenerated on purpose with

    UPDATE_SNAPSHOTS=1 uv run pytest tests/api/test_openapi.py

and the diff of the snapshot is reviewed with the code change.
"""

import json
import os
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "openapi.json"


def served_schema(client) -> dict:
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_openapi_matches_snapshot(client):
    schema = served_schema(client)
    text = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(text)
    assert SNAPSHOT.exists(), "no snapshot yet: run with UPDATE_SNAPSHOTS=1"
    assert json.loads(SNAPSHOT.read_text()) == schema


def test_openapi_lists_every_endpoint_of_the_project(client):
    paths = served_schema(client)["paths"]
    for path in [
        "/api/v3/pages/",
        "/api/v3/images/{image_id}/",
        "/api/v3/policy-fields/",
        "/api/v3/partners/",
        "/api/v3/partners/{partner_id}/",
        "/api/v3/contact-points/",
        "/api/v3/pdf/pages/{page_id}/versions/",
        "/api/v3/pdf/pages/{page_id}/versions/latest/",
        "/api/v3/pdf/pages/{page_id}/versions/{version}/",
        "/api/v3/pdf/jobs/{job_id}/",
        "/api/v3/pdf/pages/{page_id}/render/",
        "/api/v3/opendata/hsds/organizations/",
        "/api/v3/opendata/events.ics",
    ]:
        assert path in paths, path


def test_docs_page_loads_no_third_party_assets(client):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    external = [
        url
        for url in re.findall(r'(?:src|href)="([^"]+)"', html)
        if url.startswith(("http:", "https:", "//"))
    ]
    assert external == []
    assert '"validatorUrl": null' in html
