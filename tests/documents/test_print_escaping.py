"""Stored text reaches the print HTML escaped; only rich text goes in as HTML."""

import re
from pathlib import Path

from django.conf import settings
from wagtail.models import Site

from documents.rendering import build_print_html
from home.models import FunderLogo, SiteSettings
from tests.factories import CustomImageFactory, HandoutPageFactory, StandardPageFactory

APP_TEMPLATES = Path(settings.BASE_DIR) / "documents" / "templates"
HOME_TEMPLATES = Path(settings.BASE_DIR) / "home" / "templates"

PAYLOAD = '<link rel="attachment" href="/media/pdf/1/x.pdf"><b onmouseover=x>fett</b>'


def test_every_plain_text_value_is_escaped(handout_index, home_page, partner):
    """Every CharField/TextField and text block of both print templates, filled with HTML."""
    handout = HandoutPageFactory(
        parent=handout_index,
        title=PAYLOAD,
        audience=PAYLOAD,
        target_group=PAYLOAD,
        summary=PAYLOAD,
        search_description=PAYLOAD,
        body=[
            {"type": "heading", "value": {"text": PAYLOAD, "level": "h2"}},
            {"type": "steps", "value": {"title": PAYLOAD, "steps": [PAYLOAD]}},
            {"type": "note", "value": {"title": PAYLOAD, "text": "<p>Hinweis</p>"}},
            {"type": "partner", "value": {"partner": partner.pk, "note": PAYLOAD}},
        ],
    )
    standard = StandardPageFactory(
        parent=home_page,
        title=PAYLOAD,
        intro=PAYLOAD,
        search_description=PAYLOAD,
        offer_pdf=True,
        body=[
            {"type": "quote", "value": {"text": PAYLOAD, "attribution": PAYLOAD}},
            {
                "type": "call_to_action",
                "value": {"title": PAYLOAD, "text": PAYLOAD, "link_url": "https://example.org/"},
            },
            {
                "type": "table",
                "value": {
                    "caption": PAYLOAD,
                    "columns": [{"type": "text", "heading": PAYLOAD}],
                    "rows": [{"values": [PAYLOAD]}],
                },
            },
        ],
    )
    for page in (handout, standard):
        html = build_print_html(page.save_revision()).html
        assert '<link rel="attachment"' not in html
        assert "<b onmouseover" not in html
        assert html.count("&lt;link rel=&quot;attachment&quot;") >= 5


def test_publisher_details_and_print_intro_are_escaped(home_page):
    """The site settings' texts and the PDF-only intro are stored text like any other."""
    identity = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    identity.publisher_name = identity.publisher_address = PAYLOAD
    identity.imprint_text = identity.funding_notice = PAYLOAD
    identity.save()
    FunderLogo.objects.create(settings=identity, name=PAYLOAD, logo=CustomImageFactory())
    page = StandardPageFactory(parent=home_page, pdf_intro=PAYLOAD, offer_pdf=True)
    html = build_print_html(page.save_revision()).html
    assert '<link rel="attachment"' not in html
    assert "<b onmouseover" not in html
    assert html.count("&lt;link rel=&quot;attachment&quot;") >= 6


# Every place a print or block template inserts a value unescaped. Each is a
# RichTextBlock value (Wagtail's rich-text pipeline) or a constant; a new entry
# needs the same justification.
ALLOWED_UNESCAPED = {
    ("documents/print/base.html", "meta_marker|safe"),
    ("documents/print/base.html", "stamp_marker|safe"),
    ("documents/print/colophon.html", "stamp_marker|safe"),
    ("documents/blocks/paragraph.html", "value|richtext"),
    ("documents/blocks/note.html", "value.text|richtext"),
    ("home/blocks/rich_text_block.html", "value|richtext"),
}
UNESCAPED = re.compile(r"\{\{\s*([^}]*?\|\s*(?:richtext|safe|safeseq))\s*\}\}|autoescape\s+off")


def test_print_templates_insert_only_rich_text_unescaped():
    folders = [
        (APP_TEMPLATES, "documents/print"),
        (APP_TEMPLATES, "documents/blocks"),
        (HOME_TEMPLATES, "home/blocks"),  # the body blocks of content pages print too
    ]
    found = set()
    for root, folder in folders:
        for path in sorted((root / folder).glob("*.html")):
            name = str(path.relative_to(root))
            for match in UNESCAPED.finditer(path.read_text()):
                found.add((name, (match.group(1) or match.group(0)).replace(" ", "")))
    assert found == ALLOWED_UNESCAPED
