"""Fixtures of the API tests: a small site, partners, handouts, PDF versions and tokens."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from wagtail.models import APIToken, GroupPagePermission

from documents.access import PARTNER_STAFF_GROUP
from documents.models import PdfVersion, RenderJob
from tests.factories import (
    ContactPointContactPersonFactory,
    ContactPointFactory,
    PartnerContactPersonFactory,
    PartnerFactory,
    PolicyFieldFactory,
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
    from documents.factories import HandoutIndexPageFactory, HandoutPageFactory

    index = HandoutIndexPageFactory(parent=home_page)
    public = HandoutPageFactory(parent=index, title="Offene Anleitung", slug="offen")
    restricted = HandoutPageFactory(
        parent=index, title="Interne Anleitung", slug="intern", only_for_partner_staff=True
    )
    return {"index": index, "public": public, "restricted": restricted}


def make_version(page, number: int = 1) -> PdfVersion:
    version = PdfVersion(
        page=page,
        version=number,
        content_hash=f"{number:064d}",
        sha256="a" * 64,
        size=8,
        page_count=2,
        pdf_variant="pdf/ua-1",
        template_version="t1",
        weasyprint_version="70",
    )
    version.file.save(f"{page.slug}-v{number}.pdf", ContentFile(b"%PDF-1.7"), save=False)
    version.save()
    return version


@pytest.fixture
def versions(handouts):
    result = {}
    for key in ("public", "restricted"):
        page = handouts[key]
        make_version(page, 1)
        result[key] = make_version(page, 2)
        RenderJob.objects.create(page=page, status=RenderJob.Status.DONE, reason="publish")
    return result


@pytest.fixture
def partner_staff(django_user_model):
    user = django_user_model.objects.create_user("staff", password="x")
    group, _ = Group.objects.get_or_create(name=PARTNER_STAFF_GROUP)
    user.groups.add(group)
    return user


@pytest.fixture
def editor(django_user_model, home_page):
    user = django_user_model.objects.create_user("editor", password="x")
    group, _ = Group.objects.get_or_create(name="Redaktion (Test)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=home_page, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


@pytest.fixture
def plain_user(django_user_model):
    return django_user_model.objects.create_user("plain", password="x")
