"""Demo content: facts from the old web page, idempotent loading."""

import re

import pytest
from django.test import RequestFactory

from demo import network, synthetic
from demo.publish import Changes
from partners.directory import directory_context
from partners.models import ContactPoint, Partner, PolicyField

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "fields": list(PolicyField.objects.values_list("slug", "moderated_by__slug", "sort_order")),
        "partners": list(
            Partner.objects.values_list("slug", "latest_revision_id", "last_published_at")
        ),
        "points": list(ContactPoint.objects.values_list("slug", "latest_revision_id")),
        "revisions": sum(p.revisions.count() for p in Partner.objects.all())
        + sum(p.revisions.count() for p in ContactPoint.objects.all()),
    }


def test_load_twice_changes_nothing():
    network.load(Changes())
    synthetic.load_partners(3, Changes())
    first = snapshot()
    network.load(Changes())
    synthetic.load_partners(3, Changes())
    assert snapshot() == first
    assert Partner.objects.count() == 10
    assert first["revisions"] == 13


def test_load_restores_edited_demo_partner():
    network.load(Changes())
    partner = Partner.objects.get(slug="ibs-cemes")
    partner.name = "Verändert"
    partner.save()
    network.load(Changes())
    partner.refresh_from_db()
    assert partner.name == "IBS - CEMES Institut GmbH"
    assert partner.revisions.count() == 2


def test_policy_fields_moderated_by_coordinators_in_seed_order():
    network.load(Changes())
    pairs = [(f.name, f.moderated_by.name) for f in PolicyField.objects.all()]
    assert pairs == [
        ("Ausbildung / Arbeit", "Jobcenter Elbe-Elster"),
        ("Berufliche Fort- und Weiterbildung", "E&G Projektagentur"),
        ("Soziale Dienste", "EEPL GmbH"),
        ("Gesundheit", "Horizont - Sozialwerk für Integration"),
    ]
    coordinators = Partner.objects.filter(role=Partner.Role.COORDINATOR)
    assert coordinators.count() == 4
    assert all(p.live and p.live_revision_id for p in Partner.objects.all())


def test_job_centre_sites_have_a_sample_contact_person():
    """A contact person for single parents at each site: no real person, visibly an example."""
    network.load(Changes())
    points = ContactPoint.objects.order_by("town")
    assert [p.town for p in points] == ["Bad Liebenwerda", "Finsterwalde", "Herzberg"]
    for point in points:
        assert point.live and point.partner.slug == "jobcenter-elbe-elster"
        person = point.contact_persons.get()
        assert person.name.endswith("(Beispiel)")
        assert re.fullmatch(r"0\d{3,5} 0\d{5}", person.phone), person.phone
        assert person.consent_given_on is not None
        assert person.email.endswith("@beispiel.invalid")
        assert person.role == "Ansprechpartner/in für Alleinerziehende"
        assert person.is_public


def test_directory_finds_health_partner_in_finsterwalde():
    network.load(Changes())
    request = RequestFactory().get("/", {"bereich": "gesundheit", "ort": "Finsterwalde"})
    found = [p.name for p in directory_context(request)["partners"]]
    assert found == ["Lebenshilfe Finsterwalde e.V."]


def test_synthetic_partners_are_labelled():
    network.load(Changes())
    synthetic.load_partners(2, Changes())
    names = list(Partner.objects.filter(slug__startswith="beispiel").values_list("name", flat=True))
    assert names == ["Beispielpartner 001 (Testdaten)", "Beispielpartner 002 (Testdaten)"]
