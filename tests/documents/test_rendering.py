"""The pure rendering function: tagged PDF/UA, German, deterministic, text of the page."""

import io

import pikepdf
import pypdf
import pytest

from documents.rendering import build_print_html, render_revision


@pytest.fixture
def handout(make_handout, partner):
    return make_handout(
        "Erstansprache im Beratungsgespräch", partner=partner, text="Zuhören statt urteilen."
    )


def test_pdf_is_tagged_german_titled(handout):
    rendered = render_revision(handout.live_revision)
    with pikepdf.open(io.BytesIO(rendered.data)) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "de"
        assert str(pdf.docinfo.Title) == "Erstansprache im Beratungsgespräch"
        assert len(pdf.pages) == rendered.page_count >= 1
        assert "/Outlines" in root  # bookmarks from the headings
    assert rendered.pdf_variant == "pdf/ua-1"
    assert rendered.weasyprint_version.startswith("70")


def test_pdf_text_matches_page(handout, partner):
    rendered = render_revision(handout.live_revision)
    reader = pypdf.PdfReader(io.BytesIO(rendered.data))
    # Lines wrap where the layout puts them: compare words, not line breaks.
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Erstansprache im Beratungsgespräch" in text
    assert "Zuhören statt urteilen." in text
    assert "Worum es geht" in text
    assert partner.name in text  # contact block of the referenced partner
    assert "000 111 222" in text
    assert f"Seite 1 von {len(reader.pages)}" in text


def test_same_revision_renders_byte_identical(handout):
    first = render_revision(handout.live_revision)
    second = render_revision(handout.live_revision)
    assert first.data == second.data
    assert first.sha256 == second.sha256


def test_content_hash_ignores_revision_dates_but_not_content(handout):
    before = build_print_html(handout.live_revision)
    handout.save_revision().publish()  # same content, new revision
    handout.refresh_from_db()
    assert build_print_html(handout.live_revision).content_hash == before.content_hash
    handout.title = "Geänderter Titel"
    handout.save_revision().publish()
    handout.refresh_from_db()
    assert build_print_html(handout.live_revision).content_hash != before.content_hash
