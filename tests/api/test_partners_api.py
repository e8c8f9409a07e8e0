"""Contract tests of the partner endpoints: policy fields, partners, contact points."""

import pytest

from tests.api.conftest import bearer

pytestmark = pytest.mark.django_db


def test_policy_fields_list_and_detail(client, policy_fields):
    response = client.get("/api/v3/policy-fields/")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert [item["slug"] for item in data["items"]] == ["ausbildung-arbeit", "gesundheit"]
    assert data["items"][0]["meta"]["type"] == "partners.PolicyField"
    detail = client.get(data["items"][1]["meta"]["detail_url"])
    assert detail.status_code == 200
    assert detail.json()["name"] == "Gesundheit"


def test_partner_list_only_live_with_public_contacts(client, partners):
    response = client.get("/api/v3/partners/")
    assert response.status_code == 200
    data = response.json()
    names = [item["name"] for item in data["items"]]
    assert names == ["Gesundheitsdienst Beispiel", "Jobcenter Beispielkreis"]
    jobcenter = data["items"][1]
    assert [person["name"] for person in jobcenter["contact_persons"]] == ["Öffentliche Person"]
    assert "is_public" not in jobcenter["contact_persons"][0]
    assert jobcenter["policy_fields"] == [
        {
            "id": partners["jobcenter"].policy_fields.get().pk,
            "slug": "ausbildung-arbeit",
            "name": "Ausbildung und Arbeit",
        }
    ]
    assert sorted(jobcenter["topics"]) == ["Arbeit", "Ausbildung"]
    assert jobcenter["town"] == "Herzberg"
    assert jobcenter["meta"]["type"] == "partners.Partner"
    assert "Geheime Person" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("policy_field=gesundheit", ["Gesundheitsdienst Beispiel"]),
        ("policy_field=ausbildung-arbeit", ["Jobcenter Beispielkreis"]),
        ("policy_field=unbekannt", []),
        ("town=herzberg", ["Jobcenter Beispielkreis"]),
        ("role=coordinator", ["Jobcenter Beispielkreis"]),
        ("search=Arbeit", ["Jobcenter Beispielkreis"]),
    ],
)
def test_partner_filters(client, partners, query, expected):
    response = client.get(f"/api/v3/partners/?{query}")
    assert response.status_code == 200
    assert [item["name"] for item in response.json()["items"]] == expected


def test_partner_filter_by_policy_field_id(client, partners, policy_fields):
    response = client.get(f"/api/v3/partners/?policy_field={policy_fields[1].pk}")
    assert [item["name"] for item in response.json()["items"]] == ["Gesundheitsdienst Beispiel"]


def test_partner_detail_and_draft_is_404(client, partners):
    response = client.get(f"/api/v3/partners/{partners['jobcenter'].pk}/")
    assert response.status_code == 200
    assert response.json()["slug"] == "jobcenter"
    draft = client.get(f"/api/v3/partners/{partners['draft'].pk}/")
    assert draft.status_code == 404
    assert draft["Content-Type"] == "application/problem+json"
    assert draft.json()["status"] == 404


def test_contact_points_public_persons_and_filter(client, partners):
    response = client.get(f"/api/v3/contact-points/?partner={partners['jobcenter'].pk}")
    assert response.status_code == 200
    (point,) = response.json()["items"]
    assert point["name"] == "Standort Finsterwalde"
    assert point["partner"]["id"] == partners["jobcenter"].pk
    assert [p["name"] for p in point["contact_persons"]] == ["Ansprechpartnerin"]
    assert point["opening_hours"][0]["value"] == {"days": "Dienstag", "hours": "9-12 Uhr"}
    assert (
        client.get(f"/api/v3/contact-points/?partner={partners['clinic'].pk}").json()["count"] == 0
    )
    detail = client.get(f"/api/v3/contact-points/{point['id']}/")
    assert detail.status_code == 200


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v3/partners/?limit=101", 400),
        ("/api/v3/partners/?limit=0", 422),
        ("/api/v3/partners/?offset=-1", 422),
        ("/api/v3/partners/?role=boss", 422),
        ("/api/v3/partners/99999999999999999999/", 422),
        ("/api/v3/partners/abc/", 422),
        ("/api/v3/contact-points/?partner=0", 422),
        ("/api/v3/policy-fields/0/", 422),
    ],
)
def test_bad_input_is_a_json_4xx(client, partners, url, status):
    response = client.get(url)
    assert response.status_code == status
    if response["Content-Type"].startswith("application/problem+json"):
        body = response.json()
        assert body["status"] == status
        assert body["detail"] or body.get("errors")


def test_snippets_registered_with_the_v3_registry(client, admin_user):
    response = client.get("/api/v3/schema/", **bearer(admin_user))
    assert response.status_code == 200
    names = {item["name"] for item in response.json()["types"]}
    assert {"partners.PolicyField", "partners.Partner", "partners.ContactPoint"} <= names
    schema = client.get("/api/v3/schema/partners.Partner/", **bearer(admin_user)).json()
    assert {"name", "town", "topics"} <= set(schema["read"]["properties"])
    assert "is_public" not in str(schema)
    assert "contact_persons" not in schema["read"]["properties"]


def test_editor_tier_snippets_need_a_token(client, partners, admin_user):
    assert client.get("/api/v3/snippets/partners.Partner/").status_code == 401
    response = client.get("/api/v3/snippets/partners.Partner/", **bearer(admin_user))
    assert response.status_code == 200
    names = {item["name"] for item in response.json()["items"]}
    assert "Entwurf GmbH" in names
    assert "Geheime Person" not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/pages/find/?html_path=/x/&site=example.org:notaport",
        "/api/v3/pages/?site=example.org:notaport",
    ],
)
def test_unconvertible_site_filter_is_400(client, home_page, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["detail"]
