"""Two policy fields with one coordinator each, handouts and partner entries in them.

Tests submit and act with the helpers of tests.fixtures.workflow.
"""

import pytest

from tests.factories import (
    CoordinatorFactory,
    HandoutIndexPageFactory,
    HandoutPageFactory,
    ModeratorFactory,
    PartnerFactory,
    PartnerStaffFactory,
    PolicyFieldFactory,
)
from tests.fixtures.scenarios import publish


@pytest.fixture(autouse=True)
def no_broker(sent_jobs):
    """Approving a handout publishes it, which enqueues a render; no broker needed."""
    return sent_jobs


@pytest.fixture
def field_a(coordinated_field):
    return coordinated_field


@pytest.fixture
def field_b(db):
    return PolicyFieldFactory(name="Feld B (Test)", slug="feld-b-test")


@pytest.fixture
def coordinator_a(coordinator_user):
    return coordinator_user


@pytest.fixture
def coordinator_b(field_b):
    return CoordinatorFactory(username="koordination-b", field=field_b)


@pytest.fixture
def moderator(db):
    """A member of "Moderation", part of the central editorial team."""
    return ModeratorFactory(username="moderation")


@pytest.fixture
def handout_index(home_page):
    return HandoutIndexPageFactory(parent=home_page)


def make_handout(index, title: str, *fields):
    page = HandoutPageFactory(parent=index, title=title)
    page.policy_fields.set(fields)
    publish(page)
    return page


@pytest.fixture
def handout_a(handout_index, field_a):
    return make_handout(handout_index, "Anleitung Feld A", field_a)


@pytest.fixture
def handout_b(handout_index, field_b):
    return make_handout(handout_index, "Anleitung Feld B", field_b)


@pytest.fixture
def handout_ab(handout_index, field_a, field_b):
    return make_handout(handout_index, "Anleitung beider Felder", field_a, field_b)


@pytest.fixture
def entry_a(field_a):
    return PartnerFactory(name="Verein A (Test)", phone="03531 000001", policy_fields=[field_a])


@pytest.fixture
def entry_b(field_b):
    return PartnerFactory(name="Verein B (Test)", phone="03535 000002", policy_fields=[field_b])


@pytest.fixture
def entry_ab(field_a, field_b):
    return PartnerFactory(
        name="Verein AB (Test)", phone="03531 000003", policy_fields=[field_a, field_b]
    )


@pytest.fixture
def staff_of(db):
    """Partner staff of a given entry (no admin access), as the self-service has them."""
    made = {}

    def staff(entry):
        if entry.pk not in made:
            made[entry.pk] = PartnerStaffFactory(username=f"staff-{entry.slug}", partner=entry)
        return made[entry.pk]

    return staff
