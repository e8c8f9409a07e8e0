"""Open data: the HSDS export validated against the HSDS schemas, and the events calendar."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from partners.models import EntryConfirmation, Partner
from partners.opendata import hsds_id

pytestmark = pytest.mark.django_db

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas" / "hsds"


def validator(name: str) -> Draft202012Validator:
    resources = []
    for path in SCHEMA_DIR.glob("*.json"):
        contents = json.loads(path.read_text())
        resources.append((path.name, Resource.from_contents(contents)))
    registry = Registry().with_resources(resources)
    schema = json.loads((SCHEMA_DIR / f"{name}.json").read_text())
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def assert_valid(name: str, instance) -> None:
    errors = validator(name).iter_errors(instance)
    messages = [f"{list(error.absolute_path)}: {error.message}" for error in errors]
    assert messages == []


def test_schemas_reject_an_invalid_organization():
    errors = list(validator("organization").iter_errors({"id": "not-a-uuid", "name": "X"}))
    assert {error.validator for error in errors} >= {"required", "format"}


def test_organizations_export_is_valid_hsds(client, partners):
    response = client.get("/api/v3/opendata/hsds/organizations/")
    assert response.status_code == 200
    page = response.json()
    assert_valid("page", page)
    assert page["total_items"] == 2
    for organization in page["contents"]:
        assert_valid("organization", organization)
    jobcenter = next(o for o in page["contents"] if o["name"] == "Jobcenter Beispielkreis")
    assert jobcenter["id"] == hsds_id("organization", partners["jobcenter"].pk)
    assert jobcenter["description"] == "Vermittlung in Arbeit & Ausbildung."
    assert [c["name"] for c in jobcenter["contacts"]] == ["Öffentliche Person"]
    assert jobcenter["phones"][0]["number"] == "03535 000000"
    locations = {location["name"]: location for location in jobcenter["locations"]}
    assert set(locations) == {"Jobcenter Beispielkreis", "Standort Finsterwalde"}
    point = locations["Standort Finsterwalde"]
    assert point["addresses"][0]["postal_code"] == "03238"
    assert point["addresses"][0]["country"] == "DE"
    assert [c["name"] for c in point["contacts"]] == ["Ansprechpartnerin"]
    assert "Dienstag 9-12 Uhr" in point["description"]
    (service,) = jobcenter["services"]
    term = service["attributes"][0]["taxonomy_term"]
    assert term["code"] == "ausbildung-arbeit"
    assert len(service["service_at_locations"]) == 2
    text = response.content.decode()
    assert "Geheime Person" not in text
    assert "Intern" not in text
    assert "Entwurf GmbH" not in text


def test_organization_detail_services_and_terms(client, partners, policy_fields):
    org_id = hsds_id("organization", partners["jobcenter"].pk)
    detail = client.get(f"/api/v3/opendata/hsds/organizations/{org_id}/")
    assert detail.status_code == 200
    assert_valid("organization", detail.json())
    unknown = client.get(f"/api/v3/opendata/hsds/organizations/{hsds_id('x', 1)}/")
    assert unknown.status_code == 404
    assert client.get("/api/v3/opendata/hsds/organizations/nope/").status_code == 422

    services = client.get("/api/v3/opendata/hsds/services/").json()
    assert services["total_items"] == 2
    for service in services["contents"]:
        assert_valid("service", service)

    terms = client.get("/api/v3/opendata/hsds/taxonomy_terms/").json()
    assert [term["name"] for term in terms["contents"]] == [f.name for f in policy_fields]
    for term in terms["contents"]:
        assert_valid("taxonomy_term", term)


def test_hsds_paging_is_validated(client, partners):
    first = client.get("/api/v3/opendata/hsds/organizations/?per_page=1").json()
    assert (first["size"], first["total_pages"], first["first_page"]) == (1, 2, True)
    second = client.get("/api/v3/opendata/hsds/organizations/?per_page=1&page=2").json()
    assert second["last_page"] is True
    assert client.get("/api/v3/opendata/hsds/organizations/?per_page=101").status_code == 422
    assert client.get("/api/v3/opendata/hsds/organizations/?page=0").status_code == 422


def test_events_calendar(client, home_page):
    from tests.factories import NewsIndexPageFactory, NewsPageFactory

    index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(
        parent=index,
        title="Abschlussveranstaltung",
        date="2013-02-26",
        place="Herzberg",
        intro="Rückblick und Rundgang.",
    )
    response = client.get("/api/v3/opendata/events.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Abschlussveranstaltung"
    assert event.decoded("DTSTART").isoformat() == "2013-02-26"
    assert str(event["LOCATION"]) == "Herzberg"


def test_organizations_carry_the_date_the_entry_was_last_known_current(client, partners):
    jobcenter = partners["jobcenter"]
    published = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
    Partner.objects.filter(pk=jobcenter.pk).update(last_published_at=published)
    org_id = hsds_id("organization", jobcenter.pk)
    url = f"/api/v3/opendata/hsds/organizations/{org_id}/"

    changed = client.get(url).json()
    assert_valid("organization", changed)
    assert [(m["last_action_date"], m["last_action_type"]) for m in changed["metadata"]] == [
        ("2026-01-10", "update")
    ]

    EntryConfirmation.objects.create(
        partner=jobcenter, confirmed_at=datetime(2026, 3, 12, 8, 0, tzinfo=UTC)
    )
    confirmed = client.get(url).json()
    assert_valid("organization", confirmed)
    [metadata] = confirmed["metadata"]
    assert metadata["last_action_date"] == "2026-03-12"
    assert metadata["last_action_type"] == "verified"
    assert metadata["resource_id"] == org_id
