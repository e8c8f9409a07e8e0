"""Editors maintain the network in the Wagtail admin (snippet views, German UI)."""

import pytest
from django.urls import reverse

from partners.models import ContactPoint, Partner, PolicyField
from tests.factories import ContactPointFactory, PartnerFactory, PolicyFieldFactory

pytestmark = pytest.mark.django_db


def url(model, action: str, *args) -> str:
    return reverse(model.snippet_viewset.get_url_name(action), args=args)


def partner_form_data(**overrides) -> dict:
    data = {
        "name": "Familienzentrum Beispiel",
        "short_name": "",
        "slug": "familienzentrum-beispiel",
        "role": "partner",
        "topics": "Kinderbetreuung, Beratung",
        "description": '{"blocks": [], "entityMap": {}}',
        "street": "",
        "postcode": "",
        "town": "Herzberg",
        "phone": "",
        "email": "",
        "website": "",
        "opening_hours-count": "0",
        "contact_persons-TOTAL_FORMS": "1",
        "contact_persons-INITIAL_FORMS": "0",
        "contact_persons-MIN_NUM_FORMS": "0",
        "contact_persons-MAX_NUM_FORMS": "1000",
        "contact_persons-0-name": "",
        "contact_persons-0-role": "Beratung für Alleinerziehende",
        "contact_persons-0-phone": "",
        "contact_persons-0-email": "",
        "contact_persons-0-is_public": "on",
        "contact_persons-0-consent_given_on": "2026-03-12",
        "contact_persons-0-ORDER": "1",
        "contact_persons-0-id": "",
        "contact_persons-0-DELETE": "",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return data


def test_network_menu_lists_snippets(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Netzwerk" in html
    for model in (Partner, ContactPoint, PolicyField):
        assert url(model, "list") in html


def test_partner_list_filters_and_search(admin_client):
    field = PolicyFieldFactory(name="Gesundheit", slug="gesundheit")
    PartnerFactory(name="Sanitätshaus Muster", town="Finsterwalde", policy_fields=[field])
    PartnerFactory(name="Bildungswerk Muster", town="Herzberg")
    response = admin_client.get(url(Partner, "list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sanitätshaus Muster" in html and "Bildungswerk Muster" in html

    filtered = admin_client.get(url(Partner, "list"), {"town": "Herzberg"}).content.decode()
    assert "Bildungswerk Muster" in filtered and "Sanitätshaus Muster" not in filtered

    by_field = admin_client.get(url(Partner, "list"), {"policy_fields": field.pk}).content.decode()
    assert "Sanitätshaus Muster" in by_field and "Bildungswerk Muster" not in by_field

    found = admin_client.get(url(Partner, "list"), {"q": "Sanitätshaus"}).content.decode()
    assert "Sanitätshaus Muster" in found and "Bildungswerk Muster" not in found


def test_add_partner_publishes_with_revision(admin_client):
    response = admin_client.post(url(Partner, "add"), partner_form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    partner = Partner.objects.get(slug="familienzentrum-beispiel")
    assert partner.live
    assert partner.revisions.count() == 1
    assert sorted(t.name for t in partner.topics.all()) == ["Beratung", "Kinderbetreuung"]
    assert partner.contact_persons.get().is_public


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "0491", "fünfstellige Postleitzahl"),
        ("phone", "03535 vier", "Telefonnummer nur aus Ziffern"),
        ("email", "kein-at-zeichen", "gültige E-Mail-Adresse"),
        ("website", "www beispiel", "gültige Adresse eingeben"),
        ("contact_persons-0-consent_given_on", "", "Öffentlich nur mit Einwilligung"),
    ],
)
def test_admin_rejects_bad_contact_data_in_german_and_keeps_it(admin_client, field, value, message):
    response = admin_client.post(url(Partner, "add"), partner_form_data(**{field: value}))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="familienzentrum-beispiel"' in html
    if value:
        assert f'value="{value}"' in html
    assert not Partner.objects.filter(slug="familienzentrum-beispiel").exists()


def test_add_partner_without_name_shows_german_error_and_keeps_input(admin_client):
    response = admin_client.post(url(Partner, "add"), partner_form_data(name=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dieses Feld muss ausgefüllt werden." in html
    assert 'value="familienzentrum-beispiel"' in html
    assert not Partner.objects.filter(slug="familienzentrum-beispiel").exists()


def test_edit_partner_creates_new_revision(admin_client):
    admin_client.post(url(Partner, "add"), partner_form_data())
    partner = Partner.objects.get(slug="familienzentrum-beispiel")
    data = partner_form_data(name="Familienzentrum Umbenannt")
    data["contact_persons-INITIAL_FORMS"] = "1"
    data["contact_persons-0-id"] = str(partner.contact_persons.get().pk)
    response = admin_client.post(url(Partner, "edit", partner.pk), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    partner.refresh_from_db()
    assert partner.name == "Familienzentrum Umbenannt"
    assert partner.revisions.count() == 2


def test_contact_point_and_policy_field_views(admin_client):
    point = ContactPointFactory(name="Standort Herzberg", town="Herzberg")
    field = PolicyFieldFactory(name="Soziale Dienste", moderated_by=point.partner)
    assert "Standort Herzberg" in admin_client.get(url(ContactPoint, "list")).content.decode()
    assert admin_client.get(url(ContactPoint, "edit", point.pk)).status_code == 200
    html = admin_client.get(url(PolicyField, "list")).content.decode()
    assert "Soziale Dienste" in html and point.partner.name in html
    assert admin_client.get(url(PolicyField, "edit", field.pk)).status_code == 200


def test_lists_show_ja_or_nein_instead_of_true_false(admin_client):
    ContactPointFactory(name="Standort Finsterwalde")
    for model in (Partner, ContactPoint):
        html = admin_client.get(url(model, "list")).content.decode()
        assert "True" not in html and "False" not in html, model.__name__
        assert "Veröffentlicht" in html


def test_the_editorial_team_maintains_partners_without_being_superusers(client, editor_user):
    client.force_login(editor_user)
    assert client.get(url(Partner, "list")).status_code == 200
    response = client.post(url(Partner, "add"), partner_form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    partner = Partner.objects.get(slug="familienzentrum-beispiel")
    assert partner.live
    assert client.get(url(Partner, "edit", partner.pk)).status_code == 200
    assert client.get(url(ContactPoint, "add")).status_code == 200
