"""Every demo partner and contact point has complete contact data, all of it marked sample.

Directory cards and PDF contact blocks should show what real use looks like, yet no
address, number or person may pass for a real one: streets are "Beispielstraße", phone
numbers end in "(Beispiel)", e-mail and web addresses use a reserved domain.
"""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from partners.models import ContactPoint, Partner

pytestmark = pytest.mark.django_db

SEED_TOWNS = {"Finsterwalde", "Herzberg", "Bad Liebenwerda"}
SAMPLE_DOMAINS = ("beispiel.invalid", "example.org")
SAMPLE_PHONE = re.compile(r"0\d{3,5} 0\d{5}")


@pytest.fixture
def demo_network(root_page):
    call_command("load_demo", "--synthetic", "2", stdout=io.StringIO())
    return list(Partner.objects.all()) + list(ContactPoint.objects.all())


def _is_sample_email(address: str) -> bool:
    return address.rpartition("@")[2].endswith(SAMPLE_DOMAINS)


def test_every_partner_and_contact_point_has_complete_contact_data(demo_network):
    assert len(demo_network) == 12  # 7 partners, 2 synthetic ones, 3 job centre sites
    for item in demo_network:
        values = [item.street, item.postcode, item.town, item.phone, item.email]
        assert all(values), f"{item}: {values}"
        if isinstance(item, Partner):
            assert item.website, item
        else:
            assert [row.value["days"] for row in item.opening_hours], item
        people = item.public_contact_persons()
        assert people, f"{item} has no public contact person"
        for person in people:
            assert all([person.name, person.role, person.phone, person.email]), person
        item.full_clean()  # an editor can save the entry as it is


def test_every_address_phone_and_person_is_marked_as_sample(demo_network):
    for item in demo_network:
        assert item.street.startswith("Beispielstraße "), item
        assert re.fullmatch(r"\d{5}", item.postcode), item
        assert item.town in SEED_TOWNS, item
        assert SAMPLE_PHONE.fullmatch(item.phone), item.phone
        assert _is_sample_email(item.email), item.email
        if isinstance(item, Partner):
            assert urlsplit(item.website).hostname.endswith(SAMPLE_DOMAINS), item.website
        for person in item.contact_persons.all():
            assert person.name.endswith("(Beispiel)"), person.name
            assert SAMPLE_PHONE.fullmatch(person.phone), person.phone
            assert _is_sample_email(person.email), person.email


def test_real_names_of_the_seed_are_kept(demo_network):
    names = set(Partner.objects.exclude(slug__startswith="beispiel").values_list("name", flat=True))
    assert names == {
        "Jobcenter Elbe-Elster",
        "E&G Projektagentur",
        "EEPL GmbH",
        "Horizont - Sozialwerk für Integration",
        "IBS - CEMES Institut GmbH",
        "Medizintechnik & Sanitätshaus Harald Kröger GmbH",
        "Lebenshilfe Finsterwalde e.V.",
    }
    assert Partner.objects.get(slug="lebenshilfe-finsterwalde").town == "Finsterwalde"


def test_partner_page_shows_the_sample_data_with_a_dialable_link(demo_network, client):
    html = client.get("/partner/jobcenter-elbe-elster/").text
    jobcenter = Partner.objects.get(slug="jobcenter-elbe-elster")
    assert jobcenter.street in html and jobcenter.phone in html
    digits = re.sub(r"\D", "", jobcenter.phone)
    assert f'href="tel:{digits}"' in html
    assert "(Beispiel)" in html and "beispiel.invalid" in html
    assert "Standort Herzberg" in html and "Erika Mustermann (Beispiel)" in html
    assert "tel:" not in re.sub(r'href="tel:\d+"', "", html)
