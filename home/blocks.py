"""StreamField blocks for the website's editorial pages.

Every block has its own template under ``home/templates/home/blocks/`` so the
markup (alt texts, visible photo credits, the two-click video) is the same on
every page type.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from documents.access import can_list_page

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageStructValue(blocks.StructValue):
    """Gives templates one place for alt text and credit fallbacks."""

    def alt(self) -> str:
        image = self.get("image")
        if self.get("alt_text"):
            return self["alt_text"]
        if image is None:
            return ""
        return image.description or image.title

    def effective_credit(self) -> str:
        """The block's own credit, else the one stored with the image."""
        if self.get("credit"):
            return self["credit"]
        image = self.get("image")
        return getattr(image, "credit", "") if image else ""


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        required=False,
        help_text=_("Beschreibt das Bild für blinde Menschen. Leer: Bildbeschreibung oder Titel."),
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False)
    credit = blocks.CharBlock(
        label=_("Bildnachweis"),
        required=False,
        help_text=_("Leer lassen, um den Bildnachweis des Bildes zu verwenden."),
    )

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "home/blocks/image_block.html"
        value_class = ImageStructValue
        description = _("Ein Bild mit Bildunterschrift und sichtbarem Bildnachweis.")

    def get_preview_value(self):
        """The newest image of the library, so the preview shows a real credit."""
        image = get_image_model().objects.order_by("-created_at").first()
        return self.normalize({"image": image, "caption": "Bildunterschrift", "credit": ""})


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(label=_("Quelle / Person"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "home/blocks/quote_block.html"
        preview_value = {
            "text": "Gemeinsam finden wir für jede Familie den passenden Weg.",
            "attribution": "Netzwerkkoordination",
        }
        description = _("Ein hervorgehobenes Zitat mit Quellenangabe.")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_page = blocks.PageChooserBlock(label=_("Interne Seite"), required=False)
    link_url = blocks.URLBlock(label=_("Externe Adresse"), required=False)
    link_text = blocks.CharBlock(label=_("Linktext"), default="Mehr erfahren")

    def get_context(self, value, parent_context=None):
        """``link_page``: the chosen page, or None if the reader may not see it."""
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        user = getattr(request, "user", None)
        page = value.get("link_page")
        context["link_page"] = page if can_list_page(user, page, request) else None
        return context

    def clean(self, value):
        value = super().clean(value)
        if not value.get("link_page") and not value.get("link_url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "link_page": ValidationError(
                        _("Bitte eine interne Seite oder eine externe Adresse angeben.")
                    )
                }
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Handlungsaufforderung")
        template = "home/blocks/call_to_action_block.html"
        preview_value = {
            "title": "Partner finden",
            "text": "Suchen Sie Beratung und Unterstützung in Ihrer Nähe.",
            "link_url": "https://example.org/",
            "link_text": "Zum Verzeichnis",
        }
        description = _("Ein hervorgehobener Kasten mit einem Link zu einer Seite.")


class PartnerListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), required=False)
    partners = blocks.ListBlock(
        SnippetChooserBlock("partners.Partner", label=_("Partner")),
        label=_("Partner"),
        required=False,
    )
    policy_field = SnippetChooserBlock(
        "partners.PolicyField",
        label=_("oder alle Partner eines Politikfelds"),
        required=False,
    )

    class Meta:
        icon = "group"
        label = _("Partnerliste")
        template = "home/blocks/partner_list_block.html"
        description = _("Ausgewählte Netzwerkpartner oder alle Partner eines Politikfelds.")

    def get_preview_value(self):
        partners = list(apps.get_model("partners", "Partner").objects.live()[:3])
        return self.normalize({"heading": "Netzwerkpartner", "partners": partners})


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Linktext"), required=False, help_text=_("Leer: Titel des Dokuments.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokument zum Herunterladen")
        template = "home/blocks/document_block.html"
        description = _("Ein Download-Link mit Dateityp und Größe.")

    def get_preview_value(self):
        document = get_document_model().objects.order_by("-created_at").first()
        return self.normalize({"document": document, "title": ""})


VIDEO_HOSTS = {
    "youtube.com": "YouTube",
    "www.youtube.com": "YouTube",
    "m.youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "vimeo.com": "Vimeo",
    "player.vimeo.com": "Vimeo",
}


def video_embed_url(url: str) -> str:
    """Embed address for a YouTube or Vimeo link; empty if the host is unknown.

    YouTube is embedded from youtube-nocookie.com so fewer cookies are set
    once the reader has agreed.
    """
    parsed = urlparse(url)
    host = parsed.netloc.lower()
    if host in ("youtube.com", "www.youtube.com", "m.youtube.com"):
        video_id = parse_qs(parsed.query).get("v", [""])[0]
    elif host == "youtu.be":
        video_id = parsed.path.lstrip("/")
    elif host in ("vimeo.com", "player.vimeo.com"):
        match = re.search(r"(\d+)", parsed.path)
        return f"https://player.vimeo.com/video/{match.group(1)}" if match else ""
    else:
        return ""
    if not re.fullmatch(r"[\w-]{6,20}", video_id or ""):
        return ""
    return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"


class VideoStructValue(blocks.StructValue):
    def embed_url(self) -> str:
        return video_embed_url(self.get("url", ""))

    def host_name(self) -> str:
        host = urlparse(self.get("url", "")).netloc.lower()
        return VIDEO_HOSTS.get(host, host)


class VideoBlock(blocks.StructBlock):
    """A video from YouTube or Vimeo that loads nothing until the reader clicks.

    The page only contains a placeholder with a link. A small script swaps in
    the player iframe after an explicit click; without JavaScript the link
    opens the video host in a new tab. A data-protection note says what is sent.
    """

    url = blocks.URLBlock(label=_("Adresse des Videos"), help_text=_("YouTube- oder Vimeo-Link"))
    title = blocks.CharBlock(label=_("Titel des Videos"))
    description = blocks.TextBlock(label=_("Kurzbeschreibung"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not video_embed_url(value.get("url", "")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Bitte einen Link zu einem YouTube- oder Vimeo-Video angeben.")
                    )
                }
            )
        return value

    class Meta:
        icon = "media"
        label = _("Video (Zwei-Klick)")
        template = "home/blocks/video_block.html"
        value_class = VideoStructValue
        preview_value = {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": "Beispielvideo",
            "description": "Das Video wird erst nach einem Klick geladen.",
        }
        description = _(
            "Ein Video, das erst nach Zustimmung geladen wird (keine Daten an Dritte vorher)."
        )


class TableBlock(TypedTableBlock):
    def __init__(self, **kwargs):
        super().__init__(
            [
                ("text", blocks.CharBlock(label=_("Text"))),
                ("numeric", blocks.FloatBlock(label=_("Zahl"))),
                (
                    "rich_text",
                    blocks.RichTextBlock(
                        label=_("Formatierter Text"), features=["bold", "italic", "link"]
                    ),
                ),
            ],
            **kwargs,
        )

    class Meta:
        icon = "table"
        label = _("Tabelle")
        template = "home/blocks/table_block.html"
        preview_value = {
            "caption": "Ansprechpersonen im Jobcenter",
            "columns": [{"type": "text", "heading": "Standort"}],
            "rows": [
                {"values": ["Finsterwalde"]},
                {"values": ["Herzberg"]},
                {"values": ["Bad Liebenwerda"]},
            ],
        }
        description = _("Eine Tabelle mit Überschrift (Beschriftung) und Spaltenköpfen.")


class TalkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel des Vortrags"))
    speaker = blocks.CharBlock(label=_("Referentin / Referent"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Vortrag")
        template = "home/blocks/talk_block.html"
        preview_value = {"title": "Vielfalt der Lebensform Alleinerziehend", "speaker": ""}
        description = _("Ein Vortrag bei einem Netzwerktreffen.")


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "home/blocks/rich_text_block.html"
        preview_value = "<p>Das Netzwerk unterstützt Alleinerziehende im Landkreis.</p>"
        description = _("Absätze, Zwischenüberschriften, Listen und Links.")


class BodyStreamBlock(blocks.StreamBlock):
    """The blocks editors may use in the body of content pages."""

    paragraph = RichTextBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    partner_list = PartnerListBlock()
    document = DocumentBlock()
    video = VideoBlock()
    table = TableBlock()


class TeaserStreamBlock(blocks.StreamBlock):
    """Teasers on the home page: boxes with a link, optionally an image or a quote."""

    call_to_action = CallToActionBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    paragraph = RichTextBlock()
