"""The page editor's PDF panel: render status, versions, "Neu erzeugen"."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, Panel, TabbedInterface
from wagtail.models import Page


class PdfStatusPanel(Panel):
    """Shows the render status of the page's PDF; a small script polls for updates."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "documents/admin/pdf_panel.html"

        def is_shown(self) -> bool:
            return bool(getattr(self.instance, "pk", None))

        def get_context_data(self, parent_context=None):
            from documents.status import page_pdf_status

            context = super().get_context_data(parent_context)
            context["pdf"] = page_pdf_status(self.instance)
            context["label"] = _("PDF")
            return context


def tabs_with_pdf(content_panels: list, pdf_panels: list | None = None) -> TabbedInterface:
    """The editor's tabs of a page type with PDFs: the PDF status in a tab of its own.

    Otherwise it sits at the bottom of a long content tab, where nobody sees it after
    publishing.
    """
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhalt")),
            ObjectList(Page.promote_panels, heading=_("Veröffentlichung")),
            ObjectList(pdf_panels or [PdfStatusPanel(heading=_("PDF"))], heading=_("PDF")),
            ObjectList(Page.settings_panels, heading=_("Einstellungen")),
        ]
    )
