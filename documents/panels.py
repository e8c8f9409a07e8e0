"""The page editor's PDF panel: render status, versions, "Neu erzeugen"."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


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
