"""Every migrate gives Wagtail's placeholder Site the address the site runs on."""

import pytest
from django.core.management.sql import emit_post_migrate_signal
from wagtail.models import Site

from cms.sites import PLACEHOLDER

pytestmark = pytest.mark.django_db


def migrated() -> Site:
    """Send post_migrate the way ``migrate`` does, then read the default site again."""
    emit_post_migrate_signal(0, False, "default")
    return Site.objects.get(is_default_site=True)


def test_placeholder_site_takes_the_address_it_runs_on(settings):
    Site.objects.filter(is_default_site=True).update(hostname=PLACEHOLDER[0], port=PLACEHOLDER[1])
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    site = migrated()
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert site.root_page.specific.full_url.startswith("http://127.0.0.1:8000/")


def test_configured_site_address_is_kept(settings):
    Site.objects.filter(is_default_site=True).update(hostname="una.example", port=443)
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    site = migrated()
    assert (site.hostname, site.port) == ("una.example", 443)


def test_https_base_url_means_port_443(settings):
    Site.objects.filter(is_default_site=True).update(hostname=PLACEHOLDER[0], port=PLACEHOLDER[1])
    settings.WAGTAILADMIN_BASE_URL = "https://una.example"
    site = migrated()
    assert (site.hostname, site.port) == ("una.example", 443)
