"""Per-site settings editors change in "Einstellungen": funding notice, footer, navigation."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from documents.access import can_list_page

DEFAULT_FUNDING_NOTICE = (
    "Das Projekt wurde im Rahmen des ESF-Bundesprogramms „Netzwerke wirksamer Hilfen "
    "für Alleinerziehende“ durch das Bundesministerium für Arbeit und Soziales gefördert "
    "(Laufzeit: 01.04.2011 – 31.03.2013)."
)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Texts shown in every page's footer."""

    funding_notice = models.TextField(_("Förderhinweis"), default=DEFAULT_FUNDING_NOTICE)
    footer_text = models.TextField(
        _("Text in der Fußzeile"),
        blank=True,
        default="Unterstützungsnetzwerk für Alleinerziehende im Landkreis Elbe-Elster",
    )
    contact_email = models.EmailField(_("Kontakt-E-Mail"), blank=True)

    panels = [FieldPanel("funding_notice"), FieldPanel("footer_text"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("Website-Einstellungen")


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
