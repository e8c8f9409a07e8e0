from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """The project itself as an app: its templates and static files, site-wide wiring."""

    name = "cms"
    verbose_name = _("Website-Betrieb")

    def ready(self) -> None:
        # Imported here: these modules use the app registry, which is ready only now.
        from cms import embedded, pagecache, sites

        embedded.prepare_folders()
        pagecache.connect()
        sites.connect()
