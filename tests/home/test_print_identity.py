"""The PDFs' identity in the site settings: edited in the admin, demo with placeholders."""

import io

from django.core.management import call_command
from wagtail.models import Site

from documents.rendering.identity import print_identity
from home.models import FunderLogo, SiteSettings, StandardPage
from tests.factories import CustomImageFactory, StandardPageFactory


def test_identity_comes_from_the_pages_site(home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.publisher_name = "Herausgeber Beispiel"
    settings.network_logo = CustomImageFactory()
    settings.save()
    FunderLogo.objects.create(settings=settings, name="Förderer", logo=CustomImageFactory())
    identity = print_identity(StandardPageFactory(parent=home_page))
    assert identity.publisher_name == "Herausgeber Beispiel"
    assert identity.logo == settings.network_logo
    assert [funder.name for funder in identity.funders] == ["Förderer"]


def test_settings_form_edits_publisher_and_funders(home_page, admin_client):
    site = Site.objects.get(is_default_site=True)
    logo = CustomImageFactory()
    url = f"/admin/settings/home/sitesettings/{site.pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Herausgeber und Förderer (PDF)" in response.content.decode()
    data = {
        "funding_notice": "Gefördert.",
        "footer_text": "",
        "contact_email": "",
        "network_logo": logo.pk,
        "publisher_name": "Netzwerk Beispiel",
        "publisher_address": "Weg 1\n00000 Ort",
        "imprint_text": "",
        "funder_logos-TOTAL_FORMS": "1",
        "funder_logos-INITIAL_FORMS": "0",
        "funder_logos-MIN_NUM_FORMS": "0",
        "funder_logos-MAX_NUM_FORMS": "4",
        "funder_logos-0-name": "Fonds Beispiel",
        "funder_logos-0-logo": logo.pk,
        "funder_logos-0-ORDER": "1",
        "funder_logos-0-id": "",
        "funder_logos-0-DELETE": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    settings = SiteSettings.for_site(site)
    assert (settings.publisher_name, settings.network_logo) == ("Netzwerk Beispiel", logo)
    assert list(settings.funder_logos.values_list("name", flat=True)) == ["Fonds Beispiel"]


def test_demo_identity_is_marked_placeholder_and_idempotent(root_page):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert "Platzhalter-Logo" in settings.network_logo.title
    funders = list(settings.funder_logos.all())
    assert len(funders) == 2
    assert all(f.name.startswith("Platzhalter-Logo") for f in funders)
    assert all("Platzhalter-Logo" in f.logo.title for f in funders)
    assert "Beispiel" in settings.publisher_name and "(Beispiel)" in settings.publisher_address
    summary = StandardPage.objects.get(slug="kurzfassung")
    assert summary.pdf_intro and "PDF" not in summary.pdf_intro
