"""Site search, sitemap.xml, robots.txt and the German error page."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import PartnerDirectoryPageFactory, PartnerFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_search_finds_page_and_partner(client, home_page, indexed):
    page = StandardPageFactory(parent=home_page, title="Kinderbetreuung zu Hause")
    PartnerDirectoryPageFactory(parent=home_page)
    PartnerFactory(name="Kinderbetreuung Beispielverein", slug="kinder-beispiel", town="Herzberg")
    PartnerFactory(name="Kinderbetreuung Entwurf", slug="kinder-entwurf", live=False)
    indexed.clear()
    response = client.get("/suche/", {"q": "Kinderbetreuung"})
    assert response.status_code == 200
    assertContains(response, "Kinderbetreuung zu Hause")
    assertContains(response, page.url)
    assertContains(response, "Kinderbetreuung Beispielverein")
    assertContains(response, "/partner/kinder-beispiel/")
    assertNotContains(response, "Kinderbetreuung Entwurf")


def test_search_hides_unpublished_pages(client, home_page, indexed):
    page = StandardPageFactory(parent=home_page, title="Geheimer Entwurf")
    page.unpublish()
    response = client.get("/suche/", {"q": "Geheimer"})
    assertNotContains(response, "Geheimer Entwurf")
    assertContains(response, "Keine Seite gefunden.")


def test_empty_search_shows_form(client, home_page):
    response = client.get("/suche/")
    assertContains(response, '<label for="suchbegriff">Suchbegriff</label>', html=False)
    assertContains(response, 'content="noindex"')


def test_sitemap_lists_public_pages(client, home_page):
    public = StandardPageFactory(parent=home_page, title="Öffentlich", slug="oeffentlich")
    draft = StandardPageFactory(parent=home_page, title="Entwurf", slug="entwurf-seite")
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    content = response.content.decode()
    assert "/oeffentlich/" in content
    assert "/entwurf-seite/" not in content
    assert public.get_full_url() in content


def test_robots_txt_points_at_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_404_page_is_german(client, home_page):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assertContains(response, "Seite nicht gefunden", status_code=404)
    assertContains(response, '<html lang="de">', status_code=404)


def test_500_template_is_german():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Technischer Fehler" in html
    assert 'lang="de"' in html


def test_search_stems_german_and_matches_word_beginnings(client, home_page, indexed):
    """ "Sucht" finds "Suchtproblemen" (compound), "Beratungen" finds "Beratung" (stem)."""
    StandardPageFactory(
        parent=home_page,
        title="Hilfe in schwierigen Lagen",
        body=[("paragraph", "<p>Wir helfen Familien mit Suchtproblemen und bei der Beratung.</p>")],
    )
    StandardPageFactory(parent=home_page, title="Kinderbetreuung", body=[])
    for term in ("Sucht", "sucht", "Suchtproblemen", "Beratungen", "Sucht Beratung"):
        response = client.get("/suche/", {"q": term})
        assertContains(response, "Hilfe in schwierigen Lagen", msg_prefix=term)
        assertNotContains(response, "Kinderbetreuung</a>", msg_prefix=term)


def test_search_results_show_escaped_excerpts_with_the_hits_marked(client, home_page, indexed):
    StandardPageFactory(
        parent=home_page,
        title="Unterstützung",
        body=[
            (
                "paragraph",
                "<p>Bei Suchtproblemen gilt: Kosten &lt; 5 &amp; &lt;script&gt;alert(1)"
                "&lt;/script&gt; sagt die Suchtberatung.</p>",
            )
        ],
    )
    response = client.get("/suche/", {"q": "Sucht"})
    html = response.content.decode()
    assert '<p class="search-excerpt">' in html
    assert "<mark>Suchtproblemen</mark>" in html
    assert "<mark>Suchtberatung</mark>" in html
    assert "<script>alert(1)" not in html
    assert "Kosten &lt; 5 &amp;" in html  # the stored text is escaped, only <mark> is HTML


def test_search_matches_a_partner_description_and_shows_it(client, home_page, indexed):
    PartnerDirectoryPageFactory(parent=home_page)
    PartnerFactory(
        name="Beratungsstelle Beispiel",
        slug="beratung-beispiel",
        description="<p>Offene Sprechstunde für Alleinerziehende mit Suchtproblemen.</p>",
    )
    indexed.clear()
    response = client.get("/suche/", {"q": "sucht"})
    assertContains(response, "Beratungsstelle Beispiel")
    assertContains(response, "<mark>Suchtproblemen</mark>", html=False)
