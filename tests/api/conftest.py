"""Fixtures of the API tests: a small site, partners, handouts, PDF versions and tokens."""

import pytest
from wagtail.models import APIToken

from documents.models import PdfVersion, RenderJob
from tests.factories import (
    ContactPointContactPersonFactory,
    ContactPointFactory,
    HandoutIndexPageFactory,
    HandoutPageFactory,
    PartnerContactPersonFactory,
    PartnerFactory,
    PdfVersionFactory,
    PolicyFieldFactory,
    RenderJobFactory,
)


def bearer(user, name: str = "test") -> dict[str, str]:
    """Headers for the test client with a fresh API token of ``user``."""
    _, plaintext = APIToken.create_token(user=user, name=name)
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


@pytest.fixture
def policy_fields(db):
    return [
        PolicyFieldFactory(name="Ausbildung und Arbeit", slug="ausbildung-arbeit", sort_order=1),
        PolicyFieldFactory(name="Gesundheit", slug="gesundheit", sort_order=4),
    ]


@pytest.fixture
def partners(policy_fields):
    work, health = policy_fields
    jobcenter = PartnerFactory(
        name="Jobcenter Beispielkreis",
        short_name="Jobcenter",
        slug="jobcenter",
        role="coordinator",
        street="Musterstraße 1",
        postcode="04900",
        town="Herzberg",
        phone="03535 000000",
        email="kontakt@example.org",
        website="https://example.org/",
        description="<p>Vermittlung in <b>Arbeit</b> &amp; Ausbildung.</p>",
        policy_fields=[work],
    )
    jobcenter.topics.add("Arbeit", "Ausbildung")
    jobcenter.save()
    clinic = PartnerFactory(
        name="Gesundheitsdienst Beispiel", town="Finsterwalde", policy_fields=[health]
    )
    draft = PartnerFactory(name="Entwurf GmbH", live=False, policy_fields=[work])
    PartnerContactPersonFactory(partner=jobcenter, name="Öffentliche Person", is_public=True)
    PartnerContactPersonFactory(partner=jobcenter, name="Geheime Person", is_public=False)
    point = ContactPointFactory(
        partner=jobcenter,
        name="Standort Finsterwalde",
        street="Beispielweg 2",
        postcode="03238",
        town="Finsterwalde",
        phone="03531 000000",
        opening_hours=[{"type": "row", "value": {"days": "Dienstag", "hours": "9-12 Uhr"}}],
    )
    ContactPointContactPersonFactory(contact_point=point, name="Ansprechpartnerin", is_public=True)
    ContactPointContactPersonFactory(contact_point=point, name="Intern", is_public=False)
    return {"jobcenter": jobcenter, "clinic": clinic, "draft": draft, "point": point}


@pytest.fixture
def handouts(home_page):
    index = HandoutIndexPageFactory(parent=home_page)
    public = HandoutPageFactory(parent=index, title="Offene Anleitung", slug="offen")
    restricted = HandoutPageFactory(
        parent=index, title="Interne Anleitung", slug="intern", only_for_partner_staff=True
    )
    return {"index": index, "public": public, "restricted": restricted}


def make_version(page, number: int = 1) -> PdfVersion:
    """A stored version whose checksum and size the API tests know."""
    return PdfVersionFactory(
        page=page, version=number, sha256="a" * 64, size=8, content=b"%PDF-1.7"
    )


@pytest.fixture
def versions(handouts):
    result = {}
    for key in ("public", "restricted"):
        page = handouts[key]
        make_version(page, 1)
        result[key] = make_version(page, 2)
        RenderJobFactory(page=page, status=RenderJob.Status.DONE)
    return result
