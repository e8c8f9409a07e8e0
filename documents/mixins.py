"""What a page type needs to take part in the PDF pipeline.

Content pages (StandardPage, the project summary) opt in per page with
``offer_pdf``; HandoutPage always renders. The pipeline asks ``wants_pdf()``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from documents.panels import PdfStatusPanel


class PdfSummaryMixin(models.Model):
    offer_pdf = models.BooleanField(
        _("Kurzfassung als PDF anbieten"),
        default=False,
        help_text=_("Nach jeder Veröffentlichung wird automatisch ein barrierefreies PDF erzeugt."),
    )

    pdf_intro = models.TextField(
        _("Einleitung im PDF"),
        blank=True,
        help_text=_(
            "Ersetzt im PDF die Einleitung der Webseite, wenn diese für das Web formuliert "
            "ist (etwa „diese Seite gibt es auch als PDF“). Leer: die Einleitung der Webseite."
        ),
    )

    pdf_panels = [
        FieldPanel("offer_pdf"),
        FieldPanel("pdf_intro"),
        PdfStatusPanel(heading=_("PDF")),
    ]

    class Meta:
        abstract = True

    def wants_pdf(self) -> bool:
        return self.offer_pdf
