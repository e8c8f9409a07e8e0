"""The public directory: filters, search, bad input, detail view, privacy."""

import json
import re

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail_factories import ImageFactory

from home.models import HomePage
from home.templatetags.partner_tags import tel_uri
from partners.models import PartnerDirectoryPage
from tests.factories import (
    ContactPointContactPersonFactory,
    ContactPointFactory,
    HomePageFactory,
    PartnerDirectoryPageFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db
ALL_LIVE = ["Gesundheitsdienst Muster", "Jobcenter Testkreis", "Verein Beispiel"]


def names(response) -> list[str]:
    return [p.name for p in response.context["partners"]]


def test_lists_only_live_partners(client, directory_page, network):
    response = client.get(directory_page.url)
    assert response.status_code == 200
    assert names(response) == ALL_LIVE
    assert "Entwurf Partner" not in response.content.decode()


def test_form_has_labels_and_no_reset_link_when_unfiltered(client, directory_page, network):
    html = client.get(directory_page.url).content.decode()
    labels = {"id_bereich": "Politikfeld", "id_ort": "Ort", "id_suche": "Suchbegriff"}
    for field_id, label in labels.items():
        assert f'<label for="{field_id}">{label}</label>' in html
    assert "Filter zurücksetzen" not in html
    assert 'role="status" aria-live="polite"' in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"bereich": "gesundheit"}, ["Gesundheitsdienst Muster", "Verein Beispiel"]),
        ({"ort": "Herzberg"}, ["Jobcenter Testkreis"]),
        ({"suche": "orthopädie"}, ["Gesundheitsdienst Muster"]),
        ({"suche": "Verein"}, ["Verein Beispiel"]),
        ({"bereich": "ausbildung-arbeit", "ort": "Finsterwalde"}, ["Verein Beispiel"]),
        ({"bereich": "gesundheit", "ort": "Herzberg"}, []),
        ({"bereich": "", "ort": "", "suche": ""}, ALL_LIVE),
    ],
)
def test_filters(client, directory_page, network, params, expected):
    response = client.get(directory_page.url, params)
    assert response.status_code == 200
    assert names(response) == expected
    assert f"{len(expected)} Partner gefunden." in response.content.decode()


def test_filtered_page_offers_reset_link(client, directory_page, network):
    html = client.get(directory_page.url, {"ort": "Herzberg"}).content.decode()
    assert f'<a href="{directory_page.url}">Filter zurücksetzen</a>' in html


@pytest.mark.parametrize(
    "params",
    [
        {"bereich": "gibt-es-nicht"},
        {"ort": "Atlantis"},
        {"bereich": "gesundheit", "ort": "<script>"},
        {"suche": "x" * 500},
        {"bereich": ["gesundheit", "gesundheit-x"]},
    ],
)
def test_invalid_filter_values_give_empty_result_and_hint(client, directory_page, network, params):
    response = client.get(directory_page.url, params)
    assert response.status_code == 200
    assert names(response) == []
    html = response.content.decode()
    assert "Mindestens eine Angabe im Filter ist ungültig" in html
    assert "0 Partner gefunden." in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_detail_shows_address_fields_and_public_contacts_only(client, directory_page, network):
    clinic = network["clinic"]
    clinic.street = "Musterweg 1"
    clinic.postcode = "00000"
    clinic.save()
    response = client.get(f"{directory_page.url}{clinic.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Gesundheitsdienst Muster</h1>" in html
    assert re.search(r"<address>.*Musterweg 1.*00000 Finsterwalde.*</address>", html, re.S)
    assert "Gesundheit" in html
    assert "Öffentliche Person" in html
    assert "Geheime Person" not in html
    assert f'href="{directory_page.url}"' in html


def test_private_contacts_never_in_list_html(client, directory_page, network):
    html = client.get(directory_page.url, {"bereich": "gesundheit"}).content.decode()
    assert "Geheime Person" not in html


def test_detail_has_organization_json_ld(client, directory_page, network):
    html = client.get(f"{directory_page.url}{network['clinic'].slug}/").content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "JSON-LD script missing"
    data = json.loads(match.group(1))
    assert data["@type"] == "Organization"
    assert data["name"] == "Gesundheitsdienst Muster"
    assert data["address"]["addressLocality"] == "Finsterwalde"


def test_json_ld_cannot_break_out_of_script(client, directory_page, network):
    partner = network["jobcenter"]
    partner.name = "Böse </script><script>alert(1)</script>"
    partner.save()
    html = client.get(f"{directory_page.url}{partner.slug}/").content.decode()
    head = html.split("</head>", 1)[0]
    assert "alert(1)</script>" not in head
    assert "\\u003c/script\\u003e" in head


def test_detail_shows_logo_with_alt_text_and_credit(client, directory_page, network):
    partner = network["jobcenter"]
    partner.logo = ImageFactory(title="Logo", credit="Foto: Beispielstudio")
    partner.save()
    html = client.get(f"{directory_page.url}{partner.slug}/").content.decode()
    assert 'alt="Logo: Jobcenter Testkreis"' in html
    assert '<figcaption class="credit">Foto: Beispielstudio</figcaption>' in html


@pytest.mark.parametrize("slug", ["entwurf", "unbekannt"])
def test_detail_of_draft_or_unknown_partner_is_404(client, directory_page, network, slug):
    assert client.get(f"{directory_page.url}{slug}/").status_code == 404


class TestDirectoryPageRules(WagtailPageTestCase):
    def test_parent_and_children(self):
        self.assertAllowedParentPageTypes(PartnerDirectoryPage, {HomePage})
        self.assertAllowedSubpageTypes(PartnerDirectoryPage, {})

    def test_only_one_directory(self):
        from wagtail.models import Page

        home = HomePageFactory(parent=Page.get_first_root_node(), slug="start")
        self.assertCanCreateAt(HomePage, PartnerDirectoryPage)
        PartnerDirectoryPageFactory(parent=home)
        self.assertFalse(PartnerDirectoryPage.can_create_at(home))


def test_search_help_text_is_linked_to_input(client, directory_page, network):
    html = client.get(directory_page.url).content.decode()
    assert 'aria-describedby="id_suche_helptext"' in html
    assert '<p class="meta" id="id_suche_helptext">' in html


def test_detail_lists_live_contact_points_with_public_contacts_only(
    client, directory_page, network
):

    jobcenter = network["jobcenter"]
    point = ContactPointFactory(
        partner=jobcenter,
        name="Standort Herzberg",
        town="Herzberg",
        opening_hours=[("row", {"days": "Montag bis Freitag", "hours": "nach Vereinbarung"})],
    )
    ContactPointFactory(partner=jobcenter, name="Standort Entwurf", live=False)
    ContactPointContactPersonFactory(contact_point=point, role="Ansprechpartner/in")
    ContactPointContactPersonFactory(contact_point=point, name="Intern Geheim", is_public=False)
    html = client.get(f"{directory_page.url}{jobcenter.slug}/").content.decode()
    assert "<h2>Anlaufstellen</h2>" in html
    assert "Standort Herzberg</h3>" in html
    assert "<dt>Montag bis Freitag</dt>" in html and "<dd>nach Vereinbarung</dd>" in html
    assert "Ansprechpartner/in" in html
    assert "Standort Entwurf" not in html
    assert "Intern Geheim" not in html


def test_policy_field_overview_links_filter_and_moderator(client, directory_page, network):
    health = network["health"]
    health.moderated_by = network["clinic"]
    health.save()
    html = client.get(directory_page.url).content.decode()
    assert f'<a href="{directory_page.url}?bereich=gesundheit">Gesundheit</a>' in html
    assert f'Moderiert von <a href="{directory_page.url}gesundheitsdienst/">' in html


def test_partner_without_contact_data_has_no_empty_address_section(client, directory_page, network):

    PartnerFactory(name="Ohne Anschrift", slug="ohne-anschrift")
    html = client.get(f"{directory_page.url}ohne-anschrift/").content.decode()
    assert "<h1>Ohne Anschrift</h1>" in html
    assert "Anschrift und Kontakt" not in html
    assert "<address>" not in html


def test_long_result_lists_are_paginated_and_keep_filters(client, directory_page, network):
    for i in range(35):
        PartnerFactory(name=f"Serie {i:02d}", slug=f"serie-{i:02d}", town="Herzberg")
    first = client.get(directory_page.url, {"ort": "Herzberg"})
    assert len(first.context["partners"]) == 30
    html = first.content.decode()
    assert "36 Partner gefunden." in html
    assert 'href="?ort=Herzberg&amp;seite=2" rel="next"' in html
    second = client.get(directory_page.url, {"ort": "Herzberg", "seite": "2"})
    assert [p.name for p in second.context["partners"]][-1] == "Serie 34"
    assert len(second.context["partners"]) == 6
    tolerant = client.get(directory_page.url, {"ort": "Herzberg", "seite": "abc"})
    assert tolerant.status_code == 200
    assert len(tolerant.context["partners"]) == 30


def test_phone_links_dial_digits_only():
    """Numbers are written for people ("03531 / 7890 (Zentrale)"); the link has digits only."""
    assert tel_uri("03531 / 7890 (Zentrale)") == "tel:035317890"
    assert tel_uri(" +49 3531 000001 (Beispiel)") == "tel:+493531000001"


def test_town_filter_finds_partners_through_their_sites(client, directory_page, db):
    """/partner/?ort=Herzberg finds the Jobcenter, whose site (not its address) is there."""
    jobcenter = PartnerFactory(name="Jobcenter Beispiel", slug="jobcenter-bsp", town="Finsterwalde")
    ContactPointFactory(partner=jobcenter, name="Standort Herzberg", town="Herzberg")
    hidden = PartnerFactory(name="Verein mit Entwurf", slug="verein-entwurf", town="Finsterwalde")
    ContactPointFactory(partner=hidden, name="Entwurf Elsterwerda", town="Elsterwerda", live=False)

    response = client.get(directory_page.url, {"ort": "Herzberg"})
    html = response.content.decode()
    assert "Jobcenter Beispiel" in html and "Verein mit Entwurf" not in html
    assert '<option value="Herzberg"' in html
    assert '<option value="Elsterwerda"' not in html  # only published sites name a town
    assert client.get(directory_page.url, {"ort": "Elsterwerda"}).status_code == 200


def test_api_town_filter_covers_contact_point_towns(client, directory_page, db):
    jobcenter = PartnerFactory(name="Jobcenter Beispiel", slug="jobcenter-bsp", town="Finsterwalde")
    ContactPointFactory(partner=jobcenter, town="Herzberg")
    ContactPointFactory(partner=jobcenter, town="Herzberg", slug="zweiter-standort")
    PartnerFactory(name="Anderer Verein", slug="anderer", town="Doberlug-Kirchhain")
    items = client.get("/api/v3/partners/", {"town": "herzberg"}).json()["items"]
    assert [item["name"] for item in items] == ["Jobcenter Beispiel"]  # once, not per site


def test_detail_shows_the_partners_own_opening_hours(client, directory_page, network):
    clinic = network["clinic"]
    clinic.opening_hours = [
        ("row", {"days": "Dienstag", "hours": "9 bis 12 Uhr"}),
        ("row", {"days": "Donnerstag", "hours": "14 bis 18 Uhr"}),
    ]
    clinic.save()
    html = client.get(f"{directory_page.url}{clinic.slug}/").content.decode()
    assert "<h2>Öffnungs- und Sprechzeiten</h2>" in html
    assert "<dt>Dienstag</dt>\n<dd>9 bis 12 Uhr</dd>" in html
    assert "<dt>Donnerstag</dt>\n<dd>14 bis 18 Uhr</dd>" in html
    other = client.get(f"{directory_page.url}{network['both'].slug}/").content.decode()
    assert "Öffnungs- und Sprechzeiten" not in other
