"""Fixtures of the partner network tests: a small directory with known facts."""

import pytest

from tests.factories import (
    PartnerContactPersonFactory,
    PartnerDirectoryPageFactory,
    PartnerFactory,
    PolicyFieldFactory,
)


@pytest.fixture
def directory_page(home_page):
    return PartnerDirectoryPageFactory(parent=home_page, title="Partnerverzeichnis", slug="partner")


@pytest.fixture
def network(db):
    """Two policy fields, three live partners in two towns, one draft."""
    work = PolicyFieldFactory(name="Ausbildung / Arbeit", slug="ausbildung-arbeit")
    health = PolicyFieldFactory(name="Gesundheit", slug="gesundheit")
    jobcenter = PartnerFactory(
        name="Jobcenter Testkreis", slug="jobcenter", town="Herzberg", policy_fields=[work]
    )
    clinic = PartnerFactory(
        name="Gesundheitsdienst Muster",
        slug="gesundheitsdienst",
        town="Finsterwalde",
        description="<p>Beratung zur Orthopädietechnik</p>",
        policy_fields=[health],
    )
    both = PartnerFactory(
        name="Verein Beispiel", slug="verein", town="Finsterwalde", policy_fields=[work, health]
    )
    draft = PartnerFactory(
        name="Entwurf Partner", slug="entwurf", town="Herzberg", live=False, policy_fields=[work]
    )
    PartnerContactPersonFactory(partner=clinic, name="Öffentliche Person", is_public=True)
    PartnerContactPersonFactory(partner=clinic, name="Geheime Person", is_public=False)
    return {
        "work": work,
        "health": health,
        "jobcenter": jobcenter,
        "clinic": clinic,
        "both": both,
        "draft": draft,
    }
