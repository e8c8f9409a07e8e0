"""StreamField blocks render accessible markup and load nothing from third parties."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from home.blocks import (
    BodyStreamBlock,
    CallToActionBlock,
    DocumentBlock,
    ImageBlock,
    PartnerListBlock,
    QuoteBlock,
    TableBlock,
    VideoBlock,
    video_embed_url,
)
from tests.factories import PartnerDirectoryPageFactory, PartnerFactory

pytestmark = pytest.mark.django_db

YOUTUBE = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"


def render(block, raw: dict) -> str:
    return block.render(block.to_python(raw))


def test_video_block_loads_nothing_before_click():
    html = render(
        VideoBlock(),
        {"url": YOUTUBE, "title": "Imagefilm", "description": ""},
    )
    assert "<iframe" not in html
    assert 'src="https://' not in html
    assert "youtube-nocookie.com/embed/aqz-KE-bpKQ" in html  # only as data attribute
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/' in html
    assert 'target="_blank"' in html
    assert "Daten (zum Beispiel Ihre IP-Adresse) an YouTube übertragen" in html


def test_video_embed_urls():
    assert video_embed_url("https://youtu.be/aqz-KE-bpKQ").startswith(
        "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
    )
    assert (
        video_embed_url("https://vimeo.com/76979871") == "https://player.vimeo.com/video/76979871"
    )
    assert video_embed_url("https://example.org/video.mp4") == ""


def test_video_block_rejects_unknown_hosts_in_german():
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        raw = {"url": "https://example.org/v", "title": "x", "description": ""}
        block.clean(block.to_python(raw))
    assert "YouTube- oder Vimeo-Video" in str(excinfo.value.block_errors["url"])


def test_image_block_falls_back_to_image_credit_and_title(image):
    raw = {"image": image.pk, "alt_text": "", "caption": "Treffen", "credit": ""}
    html = render(ImageBlock(), raw)
    assert "Foto: Beispielfotografin" in html
    assert 'alt="Netzwerktreffen"' in html
    assert "Treffen" in html


def test_image_block_own_credit_and_alt_win(image):
    html = render(
        ImageBlock(),
        {"image": image.pk, "alt_text": "Gruppe im Saal", "caption": "", "credit": "Foto: Andere"},
    )
    assert "Foto: Andere" in html
    assert "Beispielfotografin" not in html
    assert 'alt="Gruppe im Saal"' in html


def test_quote_block():
    html = render(QuoteBlock(), {"text": "Gemeinsam stark.", "attribution": "Netzwerk"})
    assert "<blockquote>" in html
    assert "Netzwerk" in html


def test_call_to_action_needs_a_link(home_page):
    block = CallToActionBlock()
    value = block.to_python({"title": "Partner finden", "text": "", "link_text": "Los"})
    with pytest.raises(ValidationError) as excinfo:
        block.clean(value)
    assert "interne Seite oder eine externe Adresse" in str(excinfo.value.block_errors["link_page"])
    html = render(block, {"title": "Partner finden", "link_page": home_page.pk, "link_text": "Los"})
    assert f'href="{home_page.url}"' in html


def test_partner_list_shows_only_published_partners(home_page):
    PartnerDirectoryPageFactory(parent=home_page)
    live = PartnerFactory(name="Lebenshilfe Beispiel", slug="lebenshilfe-beispiel", town="Bad X")
    draft = PartnerFactory(name="Entwurfspartner", slug="entwurf", live=False)
    html = render(PartnerListBlock(), {"heading": "Partner", "partners": [live.pk, draft.pk]})
    assert "Lebenshilfe Beispiel" in html
    assert "/partner/lebenshilfe-beispiel/" in html
    assert "Entwurfspartner" not in html


def test_document_block_links_download():
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    doc = Document(title="Flyer")
    doc.file.save("flyer.pdf", ContentFile(b"%PDF-1.4"), save=False)
    doc.save()
    html = render(DocumentBlock(), {"document": doc.pk, "title": ""})
    assert doc.url in html
    assert "Flyer" in html
    assert "PDF" in html


def test_table_block_has_caption_and_column_headers():
    block = TableBlock()
    raw = {
        "caption": "Standorte",
        "columns": [{"type": "text", "heading": "Ort"}],
        "rows": [{"values": ["Herzberg"]}],
    }
    html = render(block, raw)
    assert "<caption>Standorte</caption>" in html
    assert '<th scope="col">Ort</th>' in html
    assert "<td>Herzberg</td>" in html


def test_every_body_block_has_meta_for_editors():
    for name, child in BodyStreamBlock().child_blocks.items():
        assert child.meta.icon, name
        assert child.meta.template.startswith("home/blocks/"), name
        assert child.get_description(), name


def test_block_previews_render_for_the_block_picker(image):
    for name, child in BodyStreamBlock().child_blocks.items():
        value = child.get_preview_value()
        if name == "document" and value.get("document") is None:
            continue  # no document in the library yet
        html = child.render(value)
        assert html.strip(), name
    assert "Foto: Beispielfotografin" in ImageBlock().render(ImageBlock().get_preview_value())
    assert "Bad Liebenwerda" in TableBlock().render(TableBlock().get_preview_value())
