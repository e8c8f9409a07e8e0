"""Editorial page types of the website.

Parent/child rules are set on each type with ``parent_page_types`` so other
apps (partner directory, handout guidelines) can place their own types under
the home page without this module listing them.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from documents.access import visible_pages
from documents.mixins import PdfSummaryMixin
from documents.panels import tabs_with_pdf
from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock, TalkBlock, TeaserStreamBlock


class HomePage(Page):
    """The site root: introduction, hero image, teasers and the latest news."""

    intro = RichTextField(_("Einleitung"), blank=True, features=RICH_TEXT_FEATURES)
    hero_image = models.ForeignKey(
        "home.CustomImage",
        verbose_name=_("Titelbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    teasers = StreamField(TeaserStreamBlock(), verbose_name=_("Teaser"), blank=True)
    featured_news = models.ForeignKey(
        "home.NewsPage",
        verbose_name=_("Hervorgehobene Meldung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leer: die neueste Meldung wird hervorgehoben."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("teasers"),
        FieldPanel("featured_news"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [
        APIField("intro"),
        APIField("hero_image"),
        APIField(
            "hero_image_rendition",
            serializer=ImageRenditionField("fill-1200x600", source="hero_image"),
        ),
        APIField("teasers"),
        APIField("featured_news"),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("Startseite")

    def latest_news(self, user=None, request=None, limit: int = 3) -> list[NewsPage]:
        """The newest news items ``user`` may read, in the order of the news index."""
        news = NewsPage.objects.live().descendant_of(self)
        return ordered_news(news, self.featured_news, user, request, limit=limit)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = self.latest_news(request.user, request)
        context["featured_news_id"] = self.featured_news_id
        return context


class StandardPage(PdfSummaryMixin, Page):
    """A content page with a flexible body; editors may offer a PDF summary."""

    intro = models.TextField(_("Einleitung"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    edit_handler = tabs_with_pdf(content_panels, PdfSummaryMixin.pdf_panels)
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro", writable=True), APIField("body"), APIField("offer_pdf")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")


class NewsIndexPage(Page):
    """Lists the news items below it, newest first."""

    intro = RichTextField(_("Einleitung"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("Nachrichtenübersicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        home = HomePage.objects.ancestor_of(self).first()
        featured = home.featured_news if home else None
        news = NewsPage.objects.live().child_of(self)
        context["news_items"] = ordered_news(news, featured, request.user, request)
        context["featured_news_id"] = featured.pk if featured else None
        return context


class NewsPage(Page):
    """A news item: an event with date, place, talks and a photo gallery."""

    date = models.DateField(_("Datum der Veranstaltung"))
    place = models.CharField(_("Ort"), max_length=255, blank=True)
    intro = models.TextField(_("Einleitung"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("Inhalt"), blank=True)
    talks = StreamField(
        [("talk", TalkBlock())],
        verbose_name=_("Vorträge"),
        blank=True,
        help_text=_("Titel der Vorträge, optional mit Referentin oder Referent."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("place")], heading=_("Veranstaltung")),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("talks"),
        InlinePanel("gallery_images", heading=_("Fotogalerie"), label=_("Foto")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("talks"),
        index.SearchField("place"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date", writable=True),
        APIField("place", writable=True),
        APIField("intro", writable=True),
        APIField("body"),
        APIField("talks"),
        APIField("gallery_images"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")


def ordered_news(
    news, featured: NewsPage | None, user=None, request=None, limit: int | None = None
) -> list[NewsPage]:
    """News in the one order every listing uses: the featured item, then newest date first.

    Only items of ``news`` that ``user`` may read appear, the featured one too.
    """
    visible = visible_pages(user, news, request).order_by("-date", "-first_published_at", "-pk")
    items = list(visible[: limit + 1] if limit is not None else visible)
    if featured is not None and visible.filter(pk=featured.pk).exists():
        items = [featured, *[item for item in items if item.pk != featured.pk]]
    return items[:limit] if limit is not None else items


class NewsPageGalleryImage(Orderable):
    """One photo of a news item's gallery, with caption and credit."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "home.CustomImage", verbose_name=_("Bild"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("Alternativtext"),
        max_length=255,
        blank=True,
        help_text=_("Leer: Bildunterschrift, sonst Titel des Bildes."),
    )
    caption = models.CharField(_("Bildunterschrift"), max_length=255, blank=True)
    credit = models.CharField(
        _("Bildnachweis"),
        max_length=255,
        blank=True,
        help_text=_("Leer: Bildnachweis des Bildes."),
    )

    panels = [
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("caption"),
        FieldPanel("credit"),
    ]
    api_fields = [
        APIField("image"),
        APIField("alt"),
        APIField("caption"),
        APIField("effective_credit"),
        APIField("thumbnail", serializer=ImageRenditionField("fill-400x300", source="image")),
    ]

    @property
    def alt(self) -> str:
        return self.alt_text or self.caption or self.image.description or self.image.title

    @property
    def effective_credit(self) -> str:
        return self.credit or self.image.credit


class LegalPage(Page):
    """Impressum and Datenschutz.

    A type of its own rather than StandardPage instances: legal texts need a
    visible "Stand" date, must never offer a PDF summary or embed videos, and
    the footer links can be restricted to this type in the navigation settings.
    """

    body = RichTextField(_("Text"), features=RICH_TEXT_FEATURES)
    last_updated = models.DateField(_("Stand"), null=True, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body"), FieldPanel("last_updated")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    api_fields = [APIField("body"), APIField("last_updated")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Rechtliche Seite (Impressum, Datenschutz)")
        verbose_name_plural = _("Rechtliche Seiten")


class LeichteSprachePage(Page):
    """A page in Leichte Sprache, optionally with a sign-language video.

    The video is an uploaded Wagtail document served from this site, so no
    third-party host is involved.
    """

    body = RichTextField(_("Text in Leichter Sprache"), features=RICH_TEXT_FEATURES)
    sign_language_video = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Video in Gebärdensprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Eine hochgeladene Videodatei (MP4 oder WebM)."),
    )
    sign_language_video_description = models.TextField(
        _("Beschreibung des Gebärdensprach-Videos"),
        blank=True,
        help_text=_("Worum es im Video geht (für Menschen, die es nicht sehen können)."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("sign_language_video"), FieldPanel("sign_language_video_description")],
            heading=_("Gebärdensprache"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    api_fields = [
        APIField("body"),
        APIField("sign_language_video"),
        APIField("sign_language_video_description"),
    ]

    parent_page_types = ["home.HomePage", "home.LeichteSprachePage"]
    subpage_types = ["home.LeichteSprachePage"]

    class Meta:
        verbose_name = _("Seite in Leichter Sprache")
        verbose_name_plural = _("Seiten in Leichter Sprache")

    @property
    def video_mime_type(self) -> str:
        doc = self.sign_language_video
        if doc is None:
            return ""
        return "video/webm" if doc.file_extension == "webm" else "video/mp4"
