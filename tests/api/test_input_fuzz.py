"""Every query and path parameter of every GET operation, fed the values that used to give 500s.

The operations and their parameters come from the served OpenAPI document, so
a new endpoint or parameter is covered without touching this file. Each
parameter gets a NUL-containing string, integers just outside PostgreSQL's
bigint range, a far larger one and an empty value, anonymously and with a
superuser's token (which reaches drafts, revisions and snippets). No answer
may be a 5xx, and every error answer must be problem+json.
"""

import pytest
from django.test import Client
from wagtail.api.v3.errors import PROBLEM_JSON

from documents.models import RenderJob
from partners.opendata import hsds_id
from tests.api.conftest import bearer, make_version
from tests.bad_input import BAD_VALUES

pytestmark = pytest.mark.django_db

#: Query parameters the page and snippet lists accept beyond the documented ones:
#: Wagtail's field filters, which read raw query values.
FIELD_FILTERS = {
    "/api/v3/pages/": ["title", "slug", "id", "first_published_at", "show_in_menus"],
    "/api/v3/snippets/{type}/": ["name", "town", "id"],
    "/api/v3/images/": ["title", "collection"],
}


def openapi() -> dict:
    return Client().get("/api/v3/openapi.json").json()


def get_operations() -> list[tuple[str, dict]]:
    """Every GET operation of the served OpenAPI document: (path template, operation)."""
    return [(path, ops["get"]) for path, ops in openapi()["paths"].items() if "get" in ops]


@pytest.fixture
def path_values(partners, handouts) -> dict[str, str]:
    """A real object for every path parameter, so each request gets past the lookup."""
    page = handouts["public"]
    make_version(page, 1)
    job = RenderJob.objects.create(page=page, status=RenderJob.Status.DONE, reason="publish")
    partner = partners["jobcenter"]
    return {
        "page_id": str(page.pk),
        "revision_id": str(page.latest_revision_id),
        "type": "partners.Partner",
        "pk": str(partner.pk),
        "type_name": "documents.HandoutPage",
        "site_id": str(page.get_site().pk),
        "redirect_id": "1",
        "document_id": "1",
        "image_id": "1",
        "policy_field_id": str(partner.policy_fields.get().pk),
        "partner_id": str(partner.pk),
        "contact_point_id": str(partners["point"].pk),
        "version": "1",
        "job_id": str(job.pk),
        "organization_id": hsds_id("organization", partner.pk),
    }


def fill(path: str, values: dict[str, str], **override: str) -> str:
    for name, value in {**values, **override}.items():
        path = path.replace("{" + name + "}", value)
    return path


def problem_failures(response, label: str) -> list[str]:
    """What is wrong with one answer: a 5xx, or an error body that is not problem+json."""
    content_type = response.get("Content-Type", "")
    if response.status_code >= 500:
        return [f"{label} -> {response.status_code} {content_type}"]
    if response.status_code >= 400 and not content_type.startswith(PROBLEM_JSON):
        return [f"{label} -> {response.status_code} is {content_type}, not problem+json"]
    return []


@pytest.fixture
def clients(admin_user) -> dict[str, Client]:
    return {
        "anonymous": Client(raise_request_exception=False),
        "superuser": Client(raise_request_exception=False, **bearer(admin_user, name="fuzz")),
    }


def test_bad_parameter_values_never_give_a_server_error(settings, clients, path_values):
    settings.DEBUG = False
    failures = []
    for path, operation in get_operations():
        failures += operation_failures(clients, path_values, path, operation)
    assert failures == []


def operation_failures(clients, path_values, path: str, operation: dict) -> list[str]:
    parameters = operation.get("parameters", [])
    query_names = [p["name"] for p in parameters if p["in"] == "query"]
    query_names += FIELD_FILTERS.get(path, [])
    path_names = [p["name"] for p in parameters if p["in"] == "path"]
    url = fill(path, path_values)
    failures = []
    for who, client in clients.items():
        for kind, value in BAD_VALUES.items():
            for name in query_names:
                response = client.get(url, {name: value})
                failures += problem_failures(response, f"{who} {url}?{name}={kind}")
            for name in path_names:
                if not value or (kind == "nul" and name != "type"):
                    continue  # an empty segment or NUL in an int segment matches no URL
                bad_url = fill(path, path_values, **{name: value.replace("\x00", "%00")})
                response = client.get(bad_url)
                failures += problem_failures(response, f"{who} {bad_url} ({name}={kind})")
    return failures


def test_offset_beyond_bigint_is_a_validation_error_on_every_list(clients, path_values):
    lists = [path for path, op in get_operations() if "offset" in str(op.get("parameters"))]
    assert len(lists) >= 10
    for path in lists:
        response = clients["superuser"].get(fill(path, path_values), {"offset": str(2**63)})
        assert (path, response.status_code, response["Content-Type"]) == (path, 422, PROBLEM_JSON)
        (error,) = response.json()["errors"]
        assert (path, error["type"], error["loc"][-1]) == (path, "less_than_equal", "offset")


def test_offset_at_bigint_max_is_an_empty_page(client, partners):
    response = client.get("/api/v3/partners/", {"offset": str(2**63 - 1)})
    assert response.status_code == 200
    assert response.json() == {"items": [], "count": 2}


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/v3/pages/", "search"),
        ("/api/v3/pages/", "site"),
        ("/api/v3/pages/", "locale"),
        ("/api/v3/pages/find/", "html_path"),
        ("/api/v3/partners/", "policy_field"),
        ("/api/v3/partners/", "town"),
        ("/api/v3/contact-points/", "town"),
        ("/api/v3/images/", "search"),
        ("/api/v3/documents/", "search"),
    ],
)
def test_nul_in_a_query_value_is_a_bad_request(client, db, path, name):
    response = client.get(path, {name: "Herz\x00berg"})
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_JSON
    body = response.json()
    assert body["status"] == 400
    assert "NUL" in body["detail"]
    assert body["errors"][0]["loc"] == ["query", name]
