"""Fixtures of the access tests: two partners with staff, an editor, a superuser, handouts."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from documents import pipeline
from documents.factories import HandoutIndexPageFactory, HandoutPageFactory, handout_body
from documents.models import PdfVersion
from partners.staff.models import PartnerMembership
from tests.factories import PartnerFactory, PolicyFieldFactory

PASSWORD = "Sicheres-Passwort-2026"
RESTRICTED_TITLE = "Interne Anleitung Zitronenfalter"
PUBLIC_TITLE = "Offene Anleitung Zitronenfalter"


@pytest.fixture(autouse=True)
def no_broker(monkeypatch):
    """Publishing enqueues renders; these tests never need the broker."""
    monkeypatch.setattr(pipeline, "send_job", lambda job_id: True)


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """Search index updates run on commit; run them inside the test transaction."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        yield callbacks


@pytest.fixture
def partner_a(db):
    return PartnerFactory(name="Beratungsverein Nord (Test)", slug="beratung-nord")


@pytest.fixture
def partner_b(db):
    return PartnerFactory(name="Familienzentrum Süd (Test)", slug="familie-sued")


def _user(django_user_model, username: str, **extra):
    return django_user_model.objects.create_user(
        username, email=f"{username}@example.org", password=PASSWORD, **extra
    )


@pytest.fixture
def users(django_user_model, partner_a, partner_b) -> dict:
    staff_a = _user(django_user_model, "staff-a")
    PartnerMembership.objects.create(user=staff_a, partner=partner_a)
    staff_b = _user(django_user_model, "staff-b")
    PartnerMembership.objects.create(user=staff_b, partner=partner_b)
    editor = _user(django_user_model, "editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    superuser = django_user_model.objects.create_superuser(
        "admin", email="admin@example.org", password=PASSWORD
    )
    return {
        "anonymous": None,
        "staff_a": staff_a,
        "staff_b": staff_b,
        "editor": editor,
        "superuser": superuser,
    }


def add_version(page, number: int, revision=None) -> PdfVersion:
    version = PdfVersion(
        page=page,
        version=number,
        revision=revision,
        content_hash=f"{number:064d}",
        sha256=f"{number:064x}",
        size=1234,
        page_count=2,
        pdf_variant="pdf/ua-1",
        template_version="t1",
        weasyprint_version="70",
    )
    version.file.save(f"{page.slug}-v{number}.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    version.save()
    return version


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    return revision


@pytest.fixture
def handouts(home_page, users) -> dict:
    """A public handout (1 version) and a restricted one (2 versions from two revisions)."""
    field = PolicyFieldFactory(name="Gesundheit (Test)", slug="gesundheit-test", sort_order=4)
    index = HandoutIndexPageFactory(parent=home_page)
    public = HandoutPageFactory(parent=index, title=PUBLIC_TITLE, slug="offen")
    first = publish(public)
    add_version(public, 1, first)
    restricted = HandoutPageFactory(
        parent=index,
        title=RESTRICTED_TITLE,
        slug="intern",
        body=handout_body("Hören Sie zu und fragen Sie nach dem Alltag."),
    )
    restricted.policy_fields.set([field])
    rev1 = publish(restricted, only_for_partner_staff=True)
    add_version(restricted, 1, rev1)
    rev2 = publish(
        restricted, body=handout_body("Hören Sie zu und fragen Sie nach der Kinderbetreuung.")
    )
    add_version(restricted, 2, rev2)
    return {"index": index, "public": public, "restricted": restricted, "field": field}


RESTRICTED_IMAGE = "Internes Foto Schwalbenschwanz"
PUBLIC_IMAGE = "Offenes Foto Schwalbenschwanz"
RESTRICTED_DOCUMENT = "Interne Checkliste Schwalbenschwanz"
PUBLIC_DOCUMENT = "Offene Checkliste Schwalbenschwanz"
RESTRICTED_NEWS = "Interne Meldung Schwalbenschwanz"


@pytest.fixture
def staff_collection(db):
    """The collection "Partner-Mitarbeitende" the migration created."""
    from wagtail.models import Collection

    from documents.access import PARTNER_STAFF_COLLECTION

    return Collection.objects.get(name=PARTNER_STAFF_COLLECTION, depth=2)


@pytest.fixture
def files(staff_collection, users) -> dict:
    """One image and one document in the staff collection, one of each in the root collection."""
    import factory
    import wagtail_factories
    from wagtail.models import Collection

    from tests.factories import CustomImageFactory

    root = Collection.get_first_root_node()

    def document(title, collection, name):
        data = factory.django.FileField(filename=name, data=b"%PDF-1.7 Checkliste")
        return wagtail_factories.DocumentFactory(title=title, collection=collection, file=data)

    return {
        "restricted_image": CustomImageFactory(title=RESTRICTED_IMAGE, collection=staff_collection),
        "public_image": CustomImageFactory(title=PUBLIC_IMAGE, collection=root),
        "restricted_document": document(RESTRICTED_DOCUMENT, staff_collection, "intern.pdf"),
        "public_document": document(PUBLIC_DOCUMENT, root, "offen.pdf"),
    }


@pytest.fixture
def restricted_news(home_page, users):
    """A news item with the partner-staff page privacy, made the home page's featured news."""
    from wagtail.models import PageViewRestriction

    from documents.access import editor_groups, partner_staff_group
    from tests.factories import NewsIndexPageFactory, NewsPageFactory

    index = NewsIndexPageFactory(parent=home_page)
    news = NewsPageFactory(parent=index, title=RESTRICTED_NEWS, slug="intern-meldung")
    restriction = PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([partner_staff_group(), *editor_groups()])
    publish(home_page, featured_news=news)
    return news
