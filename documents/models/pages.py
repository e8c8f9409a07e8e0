"""Handout guidelines ("Handlungsanleitungen") for partner staff."""

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from documents.access import can_view_page, sync_partner_staff_restriction, visible_pages
from documents.blocks import ContactsStreamBlock, HandoutStreamBlock
from documents.models.ledger import PdfVersion
from documents.panels import tabs_with_pdf
from moderation.forms import PolicyFieldsPageForm


class HandoutIndexPage(Page):
    """Lists the handout guidelines the visitor may read."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["documents.HandoutPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Übersicht Handlungsanleitungen")
        verbose_name_plural = _("Übersichten Handlungsanleitungen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        handouts = HandoutPage.objects.child_of(self).live().order_by("title")
        context["handouts"] = visible_pages(request.user, handouts, request)
        return context


class HandoutPage(Page):
    """A guideline on working with the target group; always rendered as PDF."""

    audience = models.CharField(
        _("Zielpublikum"),
        max_length=200,
        default="Mitarbeitende der Netzwerkpartner",
        help_text=_("Für wen die Anleitung geschrieben ist"),
    )
    target_group = models.CharField(
        _("Zielgruppe"),
        max_length=200,
        help_text=_("z. B. „Alleinerziehende mit Kindern unter drei Jahren“"),
    )
    policy_fields = ParentalManyToManyField(
        "partners.PolicyField",
        verbose_name=_("Politikfelder"),
        blank=True,
        related_name="handouts",
    )
    summary = models.TextField(_("Kurzbeschreibung"), max_length=600, blank=True)
    only_for_partner_staff = models.BooleanField(
        _("nur für Partner-Mitarbeitende"),
        default=False,
        help_text=_(
            "Seite und PDF sind nur nach Anmeldung für Partner-Mitarbeitende und die "
            "Redaktion sichtbar."
        ),
    )
    body = StreamField(HandoutStreamBlock(), verbose_name=_("Inhalt"), blank=True)
    contacts = StreamField(ContactsStreamBlock(), verbose_name=_("Ansprechpartner"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("target_group"),
                FieldPanel("policy_fields", widget=forms.CheckboxSelectMultiple),
                FieldPanel("only_for_partner_staff"),
            ],
            heading=_("Einordnung"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("contacts"),
    ]
    edit_handler = tabs_with_pdf(content_panels)
    # Coordinators keep one of their own policy fields (moderation.rules).
    base_form_class = PolicyFieldsPageForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("target_group"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("audience", writable=True),
        APIField("target_group", writable=True),
        APIField("policy_fields"),
        APIField("summary", writable=True),
        APIField("only_for_partner_staff"),
        APIField("body"),
        APIField("contacts"),
    ]
    parent_page_types = ["documents.HandoutIndexPage"]
    subpage_types: list[str] = []
    print_template = "documents/print/handout.html"

    class Meta:
        verbose_name = _("Handlungsanleitung")
        verbose_name_plural = _("Handlungsanleitungen")

    def wants_pdf(self) -> bool:
        """Handouts always have a PDF: partner staff print them."""
        return True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        versions = list(PdfVersion.objects.filter(page_id=self.pk).order_by("-version")[:20])
        context["pdf_versions"] = versions
        context["latest_pdf"] = versions[0] if versions else None
        return context

    def save(self, *args, **kwargs):
        """Keep the page privacy in step with "nur für Partner-Mitarbeitende" (documents.access)."""
        result = super().save(*args, **kwargs)
        sync_partner_staff_restriction(self)
        return result

    def serve(self, request, *args, **kwargs):
        # Wagtail's page privacy answers first; this covers a missing restriction row.
        if not can_view_page(request.user, self, request):
            response = redirect_to_login(request.get_full_path())
            add_never_cache_headers(response)
            return response
        return super().serve(request, *args, **kwargs)
