"""The site's address: Wagtail's placeholder Site takes the one the site runs on.

Page URLs in the API, the sitemap, feeds and mails are built from the Site record.
Wagtail's first migration creates it as localhost:80; left so, every absolute URL
would point at http://localhost/ instead of the server in WAGTAILADMIN_BASE_URL.
Like ``django.contrib.sites`` provisions its default Site, this runs after every
``migrate`` (``make run``, the deployment's migrate service, test databases), so
no installation keeps the placeholder. An address an editor has configured stays.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_migrate
from wagtail.models import Site

PLACEHOLDER = ("localhost", 80)


def base_url_address() -> tuple[str, int]:
    """Host name and port of WAGTAILADMIN_BASE_URL."""
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return base.hostname or "localhost", base.port or (443 if base.scheme == "https" else 80)


def adopt_base_url(site: Site) -> bool:
    """Give the placeholder site the address of WAGTAILADMIN_BASE_URL; True if it changed."""
    address = base_url_address()
    if (site.hostname, site.port) != PLACEHOLDER or address == PLACEHOLDER:
        return False
    site.hostname, site.port = address
    site.save(update_fields=["hostname", "port"])
    return True


def on_post_migrate(using: str = "default", **kwargs) -> None:
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is not None:
        adopt_base_url(site)


def connect() -> None:
    """Called from CmsConfig.ready(); ``migrate`` sends post_migrate per app with models."""
    post_migrate.connect(
        on_post_migrate, sender=apps.get_app_config("wagtailcore"), dispatch_uid="cms_sites"
    )
