"""A policy field with two partners' staff, a second field, and a handout with a history.

``change_to`` publishes new text and stores the next PDF version the way the worker does
(a PdfVersion of the new live revision), which is what the notifications react to.
"""

import pytest

from tests.factories import (
    HandoutIndexPageFactory,
    HandoutPageFactory,
    PartnerFactory,
    PartnerStaffFactory,
    PdfVersionFactory,
    PolicyFieldFactory,
    handout_body,
)
from tests.fixtures.scenarios import publish


@pytest.fixture
def field(db):
    return PolicyFieldFactory(name="Arbeit (Test)", slug="arbeit-test", sort_order=1)


@pytest.fixture
def other_field(db):
    return PolicyFieldFactory(name="Wohnen (Test)", slug="wohnen-test", sort_order=2)


@pytest.fixture
def partner(field):
    return PartnerFactory(name="Jobberatung Nord (Test)", policy_fields=[field])


@pytest.fixture
def staff(partner, other_field) -> dict:
    """Two accounts working in ``field``, one working only in ``other_field``."""
    elsewhere = PartnerFactory(name="Wohnhilfe Süd (Test)", policy_fields=[other_field])
    return {
        "anna": PartnerStaffFactory(username="anna", partner=partner),
        "ben": PartnerStaffFactory(username="ben", partner=partner),
        "clara": PartnerStaffFactory(username="clara", partner=elsewhere),
    }


@pytest.fixture
def handout(home_page, field):
    """A live handout in ``field`` with version 1 of its PDF."""
    index = HandoutIndexPageFactory(parent=home_page)
    page = HandoutPageFactory(
        parent=index, title="Bewerbung mit Kind", body=handout_body("Fragen Sie nach dem Alltag.")
    )
    page.policy_fields.set([field])
    PdfVersionFactory(page=page, revision=publish(page))
    return page


@pytest.fixture
def change_to():
    """``change_to(page, text, **fields)``: publish new text, store the next version."""

    def change(page, text, **changes):
        revision = publish(page, body=handout_body(text), **changes)
        return PdfVersionFactory(page=page, revision=revision)

    return change
