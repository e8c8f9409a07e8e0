"""load_demo builds the website and is idempotent across all apps."""

import io
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from demo import pages, synthetic
from demo.publish import Changes
from home.models import HomePage, NavigationSettings, NewsPage, StandardPage

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    counts = {"pages": Page.objects.count(), "revisions": Revision.objects.count()}
    for model in apps.get_app_config("partners").get_models():
        counts[model._meta.label] = model.objects.count()
    for label in ("home.CustomImage", "home.NewsPageGalleryImage", "wagtaildocs.Document"):
        counts[label] = apps.get_model(label).objects.count()
    return counts


def _publish_times() -> dict[str, list]:
    times = {"pages": list(Page.objects.order_by("pk").values_list("pk", "last_published_at"))}
    for label in ("partners.Partner", "partners.ContactPoint"):
        rows = apps.get_model(label).objects.order_by("pk").values_list("pk", "last_published_at")
        times[label] = list(rows)
    return times


def test_load_demo_twice_changes_nothing(root_page):
    call_command("load_demo", "--synthetic", "2", stdout=io.StringIO())
    first, published = _counts(), _publish_times()
    out = io.StringIO()
    call_command("load_demo", "--synthetic", "2", stdout=out)
    assert _counts() == first
    assert _publish_times() == published
    assert first["pages"] > 10
    assert "Datensätze: 0 neu, 0 geändert," in out.getvalue()


def test_demo_home_page_is_default_site_root(root_page):
    pages.load(Changes())
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(depth=2).exact_type(Page).exists()


def test_demo_content_from_the_seed(root_page, client):
    call_command("load_demo", stdout=io.StringIO())
    assert StandardPage.objects.get(slug="kurzfassung").offer_pdf is True
    closing = NewsPage.objects.get(slug="abschlussveranstaltung")
    assert str(closing.date) == "2013-02-26"
    captions = [item.caption for item in closing.gallery_images.all()]
    assert "Ausklang in der Juselhalle" in captions
    credits = {item.effective_credit for item in closing.gallery_images.all()}
    assert credits == {
        "Foto: TV & VIDEO Produktion Finsterwalde, Peter Eckenigk",
        "Foto: Medizintechnik & Sanitätshaus, Harald Kröger GmbH",
    }
    meetings = NewsPage.objects.get(slug="netzwerktreffen")
    assert len(meetings.talks) == 4
    nav = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    assert len(nav.footer_links()) == 4
    response = client.get(closing.url)
    assert response.status_code == 200
    assert "Juselhalle" in response.content.decode()
    directory = apps.get_model("partners", "PartnerDirectoryPage").objects.get()
    assert directory.get_parent().pk == HomePage.objects.get().pk
    assert client.get("/").status_code == 200


def test_demo_does_not_add_revisions_for_unchanged_pages(root_page):
    pages.load(Changes())
    before = Revision.objects.count()
    pages.load(Changes())
    assert Revision.objects.count() == before


def test_demo_updates_changed_page(root_page):
    pages.load(Changes())
    page = StandardPage.objects.get(slug="regeln-der-zusammenarbeit")
    page.title = "Geändert"
    page.save_revision().publish()
    changes = Changes()
    pages.load(changes)
    page.refresh_from_db()
    assert page.title == "Regeln der Zusammenarbeit"
    assert changes["geändert"] == 1


def test_load_synthetic_is_labelled_and_idempotent(root_page):
    synthetic.load_pages(3, Changes())
    synthetic.load_pages(3, Changes())
    pages = StandardPage.objects.filter(slug__startswith="beispielseite-")
    titles = list(pages.values_list("title", flat=True))
    assert sorted(titles) == [f"Beispielseite 00{i} (Testdaten)" for i in (1, 2, 3)]
    assert StandardPage.objects.get(slug="testdaten").get_children().count() == 3


def test_every_demo_page_opens_in_the_editor(root_page, admin_client):
    """Demo rich text must survive Wagtail's editor conversion (e.g. no unclosed <br>)."""
    call_command("load_demo", stdout=io.StringIO())
    pages = Page.objects.filter(depth__gt=1)
    assert pages.count() > 10
    for page in pages:
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page.title


def test_demo_addresses_are_ascii(root_page, client):
    """Umlauts are written out in slugs (ueber-das-netzwerk), never percent-encoded."""
    call_command("load_demo", "--synthetic", "2", stdout=io.StringIO())
    slugs = list(Page.objects.filter(depth__gt=1).values_list("slug", flat=True))
    for label in ("partners.PolicyField", "partners.Partner", "partners.ContactPoint"):
        slugs += apps.get_model(label).objects.values_list("slug", flat=True)
    assert slugs
    assert [slug for slug in slugs if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)] == []
    assert "ueber-das-netzwerk" in slugs
    assert all(url.isascii() for url in (p.url for p in Page.objects.live().specific() if p.url))
