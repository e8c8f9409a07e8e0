"""Fixtures of the document pipeline: handout trees, partners, a real Celery worker."""

import pytest

from tests.factories import (
    ContactPointFactory,
    HandoutIndexPageFactory,
    HandoutPageFactory,
    PartnerFactory,
    handout_body,
)


@pytest.fixture
def handout_index(home_page):
    return HandoutIndexPageFactory(parent=home_page)


@pytest.fixture
def partner(db):
    return PartnerFactory(name="Beratungsstelle Beispiel", phone="000 111 222", town="Testdorf")


@pytest.fixture
def contact_point(partner):
    return ContactPointFactory(partner=partner, name="Anlaufstelle Beispiel", town="Testdorf")


@pytest.fixture
def make_handout(handout_index):
    """Create and publish a handout; returns the live page."""

    def make(title="Erstes Gespräch", *, partner=None, text="Hören Sie zu.", **kwargs):
        page = HandoutPageFactory(
            parent=handout_index, title=title, body=handout_body(text, partner), **kwargs
        )
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make
