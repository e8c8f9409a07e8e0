"""The image model: every image carries its photographer credit."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """An image that carries its photographer credit wherever it is shown."""

    credit = models.CharField(
        _("Bildnachweis"),
        max_length=255,
        blank=True,
        help_text=_("z. B. „Foto: TV & VIDEO Produktion Finsterwalde, Peter Eckenigk“"),
    )
    admin_form_fields = (*Image.admin_form_fields, "credit")
    # The API shows the credit and fixed renditions, so clients never invent filter specs.
    api_fields = [
        APIField("credit"),
        APIField("thumbnail", serializer=ImageRenditionField("fill-400x300", source="*")),
        APIField("medium", serializer=ImageRenditionField("max-1200x900", source="*")),
        APIField("large", serializer=ImageRenditionField("max-2000x2000", source="*")),
    ]

    class Meta(AbstractImage.Meta):
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
