"""Per-site settings editors change in "Einstellungen": identity, footer, navigation.

The identity (logo, publisher, imprint, funding notice and funders' logos) is
printed on every PDF of the site; ``print_identity`` hands it to the renderer.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string
from wagtail.models import Orderable

from documents.access import can_list_page
from documents.rendering.identity import Funder, PrintIdentity

DEFAULT_FUNDING_NOTICE = (
    "Das Projekt wurde im Rahmen des ESF-Bundesprogramms „Netzwerke wirksamer Hilfen "
    "für Alleinerziehende“ durch das Bundesministerium für Arbeit und Soziales gefördert "
    "(Laufzeit: 01.04.2011 – 31.03.2013)."
)


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Texts of every page's footer and the publisher's details printed on every PDF."""

    funding_notice = models.TextField(_("Förderhinweis"), default=DEFAULT_FUNDING_NOTICE)
    footer_text = models.TextField(
        _("Text in der Fußzeile"),
        blank=True,
        default="Unterstützungsnetzwerk für Alleinerziehende im Landkreis Elbe-Elster",
    )
    contact_email = models.EmailField(_("Kontakt-E-Mail"), blank=True)
    network_logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("Logo des Netzwerks"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Steht oben auf der ersten Seite jedes PDFs."),
    )
    publisher_name = models.CharField(
        _("Herausgeber"),
        max_length=200,
        blank=True,
        help_text=_("Name der herausgebenden Stelle, wie er im Impressum der PDFs steht."),
    )
    publisher_address = models.TextField(
        _("Anschrift des Herausgebers"),
        blank=True,
        help_text=_("Eine Angabe je Zeile: Straße, PLZ und Ort, Telefon, E-Mail."),
    )
    imprint_text = models.TextField(
        _("Impressum im PDF"),
        blank=True,
        help_text=_("Weitere Angaben für das Impressum, etwa die verantwortliche Person."),
    )

    panels = [
        FieldPanel("funding_notice"),
        FieldPanel("footer_text"),
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [
                FieldPanel("network_logo"),
                FieldPanel("publisher_name"),
                FieldPanel("publisher_address"),
                FieldPanel("imprint_text"),
                InlinePanel("funder_logos", label=_("Logo eines Förderers"), max_num=4),
            ],
            heading=_("Herausgeber und Förderer (PDF)"),
        ),
    ]

    class Meta:
        verbose_name = _("Website-Einstellungen")

    def print_identity(self) -> PrintIdentity:
        """What every PDF of the site prints in its masthead and colophon."""
        funders = tuple(
            Funder(name=row.name, logo=row.logo)
            for row in self.funder_logos.select_related("logo").order_by("sort_order")
        )
        return PrintIdentity(
            logo=self.network_logo,
            publisher_name=self.publisher_name,
            publisher_address=self.publisher_address,
            imprint=self.imprint_text,
            funding_notice=self.funding_notice,
            funders=funders,
        )


class FunderLogo(Orderable):
    """One funder's logo in the funding notice of the PDFs (ESF, ministry, district …)."""

    settings = ParentalKey(SiteSettings, related_name="funder_logos", on_delete=models.CASCADE)
    name = models.CharField(
        _("Name des Förderers"),
        max_length=200,
        help_text=_("Wird als Alternativtext des Logos vorgelesen."),
    )
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("Logo"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("logo")]

    class Meta(Orderable.Meta):
        verbose_name = _("Logo eines Förderers")
        verbose_name_plural = _("Logos der Förderer")


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """Footer links. The main menu comes from pages with "Im Menü anzeigen"."""

    impressum_page = models.ForeignKey(
        "home.LegalPage",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "home.LegalPage",
        verbose_name=_("Datenschutz"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "home.AccessibilityStatementPage",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    easy_language_page = models.ForeignKey(
        "home.LeichteSprachePage",
        verbose_name=_("Leichte Sprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("impressum_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("easy_language_page"),
            ],
            heading=_("Links in der Fußzeile"),
        )
    ]

    class Meta:
        verbose_name = _("Navigation")

    def footer_links(self, user=None, request=None) -> list[tuple[str, object]]:
        """(label, page) pairs for the pages that are set and ``user`` may read."""
        pairs = [
            (_("Impressum"), self.impressum_page),
            (_("Datenschutz"), self.privacy_page),
            (_("Barrierefreiheit"), self.accessibility_page),
            (_("Leichte Sprache"), self.easy_language_page),
        ]
        return [(label, page) for label, page in pairs if can_list_page(user, page, request)]
