"""The sitemap lists what anonymous visitors may read, as ``documents.access`` decides."""

from wagtail.contrib.sitemaps import Sitemap

from documents.access import visible_pages


class PublicSitemap(Sitemap):
    """Wagtail's sitemap with the network's access rule instead of ``.public()`` alone.

    The rule also hides handouts "nur für Partner-Mitarbeitende" whose page
    privacy row went missing, so the sitemap cannot list them.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        pages = visible_pages(None, root.get_descendants(inclusive=True).live())
        return pages.order_by("path").defer_streamfields().specific()
