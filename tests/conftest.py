"""Fixtures every test package shares; the plugins add roles, pages, the ledger, scenarios."""

import uuid

import pytest
from wagtail.models import Locale, Page, Site

from tests.factories import HomePageFactory

pytest_plugins = [
    "tests.fixtures.roles",
    "tests.fixtures.pages",
    "tests.fixtures.ledger",
    "tests.fixtures.scenarios",
    "tests.fixtures.workers",
    "tests.fixtures.entries",
    "tests.fixtures.mail",
    "tests.fixtures.storage",
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes uploads and PDFs into its own temporary MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def own_rate_limits(settings):
    """Rate-limit counters live in the shared Redis: each test counts from zero."""
    settings.RATELIMIT_CACHE_PREFIX = f"rl:{uuid.uuid4().hex}:"


@pytest.fixture
def root_page(db) -> Page:
    """Wagtail's tree root (depth 1); recreated when a transactional test flushed it."""
    Locale.objects.get_or_create(language_code="de")
    return Page.get_first_root_node() or Page.add_root(title="Root", slug="root")


@pytest.fixture
def home_page(root_page):
    """A HomePage as the default site's root."""
    home = HomePageFactory(parent=root_page, title="Startseite", slug="start")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": "localhost", "port": 80, "site_name": "UNA"},
    )
    return home


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """Search index updates run on commit; run them inside the test transaction."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        yield callbacks
