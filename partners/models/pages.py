"""The public partner directory page; its views are in ``partners.directory``."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from partners import directory


class PartnerDirectoryPage(RoutablePageMixin, Page):
    """The public directory: find a partner by policy field, town and free text."""

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("Partnerverzeichnis")

    def partner_url(self, partner, request=None, *, full: bool = False) -> str:
        """The address of ``partner``'s entry here, '' if the page has none (not routable).

        Built with Wagtail's ``reverse_subpage``, so it follows the route below.
        """
        base = self.get_full_url(request) if full else self.get_url(request)
        if not base:
            return ""
        return base + self.reverse_subpage("partner_detail", kwargs={"slug": partner.slug})

    @path("")
    def directory(self, request):
        return self.render(request, context_overrides=directory.directory_context(request))

    @path("<slug:slug>/")
    def partner_detail(self, request, slug: str):
        return self.render(
            request,
            template="partners/partner_detail.html",
            context_overrides=directory.detail_context(slug),
        )
