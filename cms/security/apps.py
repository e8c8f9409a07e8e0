from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Installed as an app so Wagtail finds its hooks and Django its templates."""

    name = "cms.security"
    label = "una_security"
    verbose_name = _("Sicherheit")

    def ready(self) -> None:
        from django.conf import settings
        from PIL import Image

        # Every Pillow user in the project (renditions, PDF rendering) refuses the same
        # decompression bombs as the upload form, not only the ones above Pillow's default.
        max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
        if max_pixels:
            Image.MAX_IMAGE_PIXELS = max_pixels
