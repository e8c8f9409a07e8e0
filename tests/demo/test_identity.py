"""The demo's PDF identity: placeholder logos, sample publisher, print-only summary intro."""

import io

from django.core.management import call_command
from wagtail.models import Site

from home.models import SiteSettings, StandardPage


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
