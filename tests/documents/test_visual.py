"""Visual regression check: page 1 of the reference handout and Kurzfassung as images.

The content comes from factories with fixed texts, images, site identity and
stamp, so the references change only when the layout does. Accept a
deliberate change with ``make pdf-references`` (see documents/README.md).
"""

from datetime import UTC, datetime

import pytest
from wagtail.models import Site

from documents.rendering import Stamp, build_print_html, render_revision
from home.models import FunderLogo, SiteSettings
from tests.documents.visual import MAX_DIFFERING, compare_with_reference, updating
from tests.factories import (
    ContactPointFactory,
    CustomImageFactory,
    HandoutPageFactory,
    PartnerFactory,
    StandardPageFactory,
)

STAMP = Stamp(date=datetime(2026, 3, 2, 9, 30, tzinfo=UTC), version=3)
SUMMARY = (
    "Wie Mitarbeitende der Partner Alleinerziehende ohne Umwege zu passenden Hilfen "
    "im Netzwerk führen."
)


def _image(title: str, colour: str, width: int, height: int, credit: str = ""):
    return CustomImageFactory(
        title=title, credit=credit, file__width=width, file__height=height, file__color=colour
    )


@pytest.fixture
def identity(home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.network_logo = _image("Logo (Test)", "#1b4d3e", 360, 120)
    settings.publisher_name = "Netzwerkkoordination (Testangabe)"
    settings.publisher_address = "Teststraße 1\n00000 Testdorf\nTelefon 0000 000000"
    settings.imprint_text = "Verantwortlich: Vorname Name (Testangabe)."
    settings.save()
    for order, colour in enumerate(("#444444", "#777777")):
        logo = _image(f"Förderer {order} (Test)", colour, 300, 100)
        FunderLogo.objects.create(settings=settings, sort_order=order, name="Test", logo=logo)
    return settings


def reference_handout(handout_index, summary: str = SUMMARY):
    partner = PartnerFactory(
        name="Beratungsstelle Test",
        slug="beratungsstelle-test",
        street="Teststraße 2",
        postcode="00000",
        town="Testdorf",
        phone="0000 111111",
        email="beratung@example.org",
    )
    point = ContactPointFactory(
        partner=partner, name="Anlaufstelle Test", slug="anlaufstelle-test", town="Testdorf"
    )
    photo = _image("Netzwerktreffen (Test)", "#9ab0a8", 900, 600, "Foto: Testfotografin")
    body = [
        {"type": "heading", "value": {"text": "Worum es geht", "level": "h2"}},
        {
            "type": "paragraph",
            "value": "<p>" + "Fragen Sie nach, statt vorauszusetzen. " * 6 + "</p>",
        },
        {"type": "steps", "value": {"title": "Im ersten Gespräch", "steps": ["Zuhören"] * 3}},
        {"type": "figure", "value": {"image": photo.pk, "alt_text": "Test", "caption": "Treffen"}},
        {"type": "partner", "value": {"partner": partner.pk, "note": "Beratung und Begleitung"}},
        {"type": "contact_point", "value": {"contact_point": point.pk, "note": "Termine"}},
    ]
    page = HandoutPageFactory(
        parent=handout_index,
        title="Alleinerziehende gut beraten",
        slug="referenz-handlungsanleitung",
        target_group="Alleinerziehende Mütter und Väter",
        summary=summary,
        body=body,
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def render(page) -> bytes:
    revision = page.live_revision
    return render_revision(revision, build_print_html(revision).with_stamp(STAMP)).data


def test_handout_first_page_matches_reference(identity, handout_index):
    fraction = compare_with_reference("handout", render(reference_handout(handout_index)))
    assert fraction <= MAX_DIFFERING, f"{fraction:.2%} der Pixel weichen ab"


def test_summary_first_page_matches_reference(identity, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Kurzfassung",
        slug="kurzfassung",
        intro="Web-Einleitung, die im PDF nicht erscheint.",
        pdf_intro="Das Projekt in Kürze.",
        offer_pdf=True,
        body=[{"type": "paragraph", "value": "<h2>Worum es geht</h2><p>Ein Netzwerk.</p>"}],
    )
    page.save_revision().publish()
    page.refresh_from_db()
    fraction = compare_with_reference("summary", render(page))
    assert fraction <= MAX_DIFFERING, f"{fraction:.2%} der Pixel weichen ab"


@pytest.mark.skipif(updating(), reason="references are being rewritten")
def test_a_shifted_layout_is_detected(identity, handout_index):
    """One more line in the summary moves everything below it: the check must fail."""
    longer = SUMMARY + " Dazu gehört eine zweite Zeile, die den Rest der Seite verschiebt."
    fraction = compare_with_reference("handout", render(reference_handout(handout_index, longer)))
    assert fraction > MAX_DIFFERING
