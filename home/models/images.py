"""The image model: every image carries its photographer credit.

Renditions are stored by privacy: those of images in a public collection in
``images/`` (served as plain public media), those of images in a collection
with Wagtail collection privacy in ``restricted_images/`` (served only after
``documents.access.can_view_image``, see ``cms.media``). When a collection's
privacy, a collection's place or an image's collection changes,
:func:`relocate_renditions` deletes the renditions that are now in the wrong
folder; Wagtail renders them again, in the right one, on the next request.
"""

import os

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Collection

from documents.access import can_view_collection

PUBLIC_RENDITIONS = "images"
RESTRICTED_RENDITIONS = "restricted_images"
ORIGINALS = "original_images"


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

    def get_upload_to(self, filename: str) -> str:
        """``images/`` for public images, ``restricted_images/`` for the others."""
        return os.path.join(
            rendition_folder(self.image.collection),
            self.file.field.storage.get_valid_name(filename),
        )


def rendition_folder(collection: Collection) -> str:
    public = can_view_collection(None, collection)
    return PUBLIC_RENDITIONS if public else RESTRICTED_RENDITIONS


def relocate_renditions(collections, image: CustomImage | None = None) -> int:
    """Delete renditions (of ``image``, else of all images) in ``collections`` in the wrong folder.

    Returns how many were deleted; Wagtail deletes their files on commit.
    """
    deleted = 0
    for collection in collections:
        folder = rendition_folder(collection)
        wrong = CustomRendition.objects.filter(image__collection=collection)
        if image is not None:
            wrong = wrong.filter(image=image)
        for rendition in wrong.exclude(file__startswith=f"{folder}/"):
            rendition.delete()
            deleted += 1
    return deleted
