"""Links in PDFs point at the site or at public http(s) addresses; everything else is text."""

import io

import pypdf
import pytest
from wagtail_factories import DocumentFactory

from documents.rendering import render_revision
from documents.rendering.fetcher import PRINT_HOST
from documents.rendering.links import link_target
from tests.factories import StandardPageFactory


def link_uris(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    uris = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def linking_page(home_page):
    target = StandardPageFactory(parent=home_page, title="Partner finden", slug="partner-finden")
    document = DocumentFactory(title="Flyer")
    rich_text = (
        f'<p><a linktype="page" id="{target.pk}">Seitenlink</a>, '
        '<a href="/kontakt/">Relativer Link</a>, '
        '<a href="https://www.arbeitsagentur.de/familie">Externer Link</a>, '
        '<a href="file:///etc/passwd">Dateilink</a>, '
        '<a href="javascript:alert(1)">Skriptlink</a>, '
        '<a href="http://127.0.0.1:6379/">Lokaler Dienst</a>, '
        f'<a href="https://{PRINT_HOST}/media/x.png">Druckadresse</a>, '
        '<a href="#kontakte">Sprungmarke</a></p>'
    )
    page = StandardPageFactory(
        parent=home_page,
        title="Kurzfassung",
        slug="kurzfassung",
        offer_pdf=True,
        body=[
            {"type": "paragraph", "value": rich_text},
            {"type": "document", "value": {"document": document.pk, "title": "Flyer laden"}},
            {
                "type": "call_to_action",
                "value": {"title": "Weiter", "link_page": target.pk, "link_text": "Zur Seite"},
            },
        ],
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page, target, document


def test_links_are_site_urls_or_public_http(linking_page):
    page, target, document = linking_page
    site = page.get_site().root_url
    data = render_revision(page.live_revision).data
    uris = link_uris(data)
    assert uris, "the PDF has no links at all"
    for uri in uris:
        assert uri.startswith(("http://", "https://")), uri
        assert PRINT_HOST not in uri and not uri.startswith("file:"), uri
    assert sorted(set(uris)) == sorted(
        {
            f"{site}{target.url}",
            f"{site}/kontakt/",
            "https://www.arbeitsagentur.de/familie",
            f"{site}{document.url}",
            f"{site}/media/x.png",  # written against the print address: same path on the site
        }
    )
    text = pdf_text(data)
    for kept in ("Dateilink", "Skriptlink", "Lokaler Dienst", "Seitenlink"):
        assert kept in text  # unlinked, not removed


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/dokumente/3/flyer.pdf", "https://una.example.org/dokumente/3/flyer.pdf"),
        ("unterseite/", "https://una.example.org/seite/unterseite/"),
        ("https://www.bmas.de/", "https://www.bmas.de/"),
        (f"https://{PRINT_HOST}/kontakt/", "https://una.example.org/kontakt/"),
        ("#abschnitt", "#abschnitt"),
        (" java\tscript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("mailto:info@example.org", None),
        ("ftp://example.org/", None),
        ("http://localhost:8000/", None),
        ("http://10.0.0.1/", None),
        ("http://[::1]/", None),
        ("https://intranet/", None),
        ("https://drucker.local/", None),
        ("https://user:pw@www.bmas.de/", None),
        ("https://www.bmas.de:99999/", None),
        ("#", None),
    ],
)
def test_link_rule(href, expected):
    assert link_target(href, "https://una.example.org/seite/") == expected


def test_without_site_address_only_external_links_stay():
    assert link_target("/kontakt/", None) is None
    assert link_target("https://www.bmas.de/", None) == "https://www.bmas.de/"
