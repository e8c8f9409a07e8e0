"""Every page type renders with its template, its content and the site layout."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed
from wagtail.models import Site

from documents.models import PdfVersion
from home.models import NavigationSettings, SiteSettings
from tests.factories import NewsPageFactory, PdfVersionFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_renders_intro_and_latest_news(client, home_page, news_page):
    response = client.get(home_page.url)
    assertTemplateUsed(response, "home/home_page.html")
    assertContains(response, "Willkommen beim Netzwerk.")
    assertContains(response, "Abschlussveranstaltung")
    assertContains(response, '<main id="inhalt"', html=False)
    assertContains(response, 'href="#inhalt"')


def test_home_page_featured_news_comes_first(home_page, news_index, news_page):
    newer = NewsPageFactory(parent=news_index, title="Neuer", date="2013-03-01")
    assert home_page.latest_news()[0].pk == newer.pk
    home_page.featured_news = news_page
    home_page.save()
    assert home_page.latest_news()[0].pk == news_page.pk


def _titles_in_order(html: str, titles: list[str]) -> list[str]:
    return sorted((title for title in titles if title in html), key=html.index)


def test_home_page_and_news_index_list_news_in_one_order(client, home_page, news_index):
    """Featured first (marked), then newest date first; the same on / and /aktuelles/."""
    dates = {"Januar": "2013-01-01", "Februar": "2013-02-26", "März": "2013-03-31"}
    items = {
        title: NewsPageFactory(parent=news_index, title=title, date=date)
        for title, date in dates.items()
    }
    home_page.featured_news = items["Februar"]
    home_page.save_revision().publish()
    expected = ["Februar", "März", "Januar"]
    for url in (home_page.url, news_index.url):
        html = client.get(url).text
        assert _titles_in_order(html, list(dates)) == expected, url
        featured = html[: html.index(items["Februar"].url)]
        assert "Hervorgehoben" in featured[featured.rindex("<li") :], url
    assert [item.title for item in home_page.latest_news()] == expected


def test_standard_page_renders_body_and_menu(client, standard_page):
    response = client.get(standard_page.url)
    assertTemplateUsed(response, "home/standard_page.html")
    assertContains(response, "Vier Organisationen moderieren die Politikfelder.")
    assertContains(response, 'aria-label="Hauptnavigation"')
    assertContains(response, 'aria-current="page"')


def test_breadcrumbs_start_at_the_home_page(client, home_page, news_page):
    home_page.title = "Unterstützungsnetzwerk"
    home_page.save()
    response = client.get(news_page.url)
    assertContains(response, 'aria-label="Sie sind hier"')
    assertContains(response, '<li><a href="/">Startseite</a></li>', html=False)
    assertContains(response, '<span aria-current="page">Abschlussveranstaltung</span>', html=False)


def test_news_index_lists_news(client, news_index, news_page):
    response = client.get(news_index.url)
    assertTemplateUsed(response, "home/news_index_page.html")
    assertContains(response, news_page.url)
    assertContains(response, "26.02.2013")


def test_news_page_shows_talks_and_gallery_with_credit(client, news_page, image):
    response = client.get(news_page.url)
    assertTemplateUsed(response, "home/news_page.html")
    assertContains(response, "Medien und Sozialkontakte im Netz")
    assertContains(response, "Ausklang in der Juselhalle")
    # The gallery row has no credit of its own: the image's credit is shown.
    assertContains(response, "Foto: Beispielfotografin")
    assertContains(response, 'alt="Ausklang in der Juselhalle"')


def test_gallery_row_credit_overrides_image_credit(client, news_page):
    item = news_page.gallery_images.first()
    item.credit = "Foto: Eigener Nachweis"
    item.save()
    response = client.get(news_page.url)
    assertContains(response, "Foto: Eigener Nachweis")
    assertNotContains(response, "Foto: Beispielfotografin")


def test_legal_page_renders(client, legal_page):
    response = client.get(legal_page.url)
    assertTemplateUsed(response, "home/legal_page.html")
    assertContains(response, "Angaben gemäß § 5 DDG.")


def test_accessibility_page_renders_form(client, accessibility_page):
    response = client.get(accessibility_page.url)
    assertTemplateUsed(response, "home/accessibility_statement_page.html")
    assertContains(response, "Barriere melden")
    assertContains(response, "csrfmiddlewaretoken")
    assertContains(response, '<label for="id_message">', html=False)


def test_leichte_sprache_page_renders_without_video(client, easy_page):
    response = client.get(easy_page.url)
    assertTemplateUsed(response, "home/leichte_sprache_page.html")
    assertContains(response, "Leichter Sprache")
    assertNotContains(response, "<video")


def test_leichte_sprache_page_plays_uploaded_video_from_own_site(client, easy_page):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    video = Document(title="Gebärdensprache")
    video.file.save("gebaerden.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=False)
    video.save()
    easy_page.sign_language_video = video
    easy_page.save()
    response = client.get(easy_page.url)
    assertContains(response, "<video")
    assertContains(response, 'type="video/mp4"')
    assertContains(response, video.url)


def test_footer_shows_funding_notice_and_links(client, home_page, legal_page, easy_page):
    site = Site.objects.get(is_default_site=True)
    nav = NavigationSettings.for_site(site)
    nav.impressum_page = legal_page
    nav.easy_language_page = easy_page
    nav.save()
    response = client.get(home_page.url)
    assertContains(response, "Bundesministerium für Arbeit und Soziales")
    assertContains(response, "01.04.2011 – 31.03.2013")
    assertContains(response, f'href="{legal_page.url}">Impressum</a>', html=False)
    assertContains(response, f'href="{easy_page.url}">Leichte Sprache</a>', html=False)


def test_footer_uses_edited_settings(client, home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.funding_notice = "Geänderter Förderhinweis"
    settings.save()
    assertContains(client.get(home_page.url), "Geänderter Förderhinweis")


def test_unpublished_pages_are_not_in_menu(client, home_page, standard_page):
    standard_page.unpublish()
    response = client.get(home_page.url)
    assertNotContains(response, "Über das Netzwerk")


def test_standard_page_links_latest_pdf_once_rendered(client, standard_page):
    standard_page.offer_pdf = True
    standard_page.save()
    assertNotContains(client.get(standard_page.url), "Kurzfassung als PDF herunterladen")
    version = PdfVersionFactory(page=standard_page, size=8, page_count=1)
    response = client.get(standard_page.url)
    assertContains(response, "Kurzfassung als PDF herunterladen")
    assertContains(response, f'href="/pdf/{standard_page.pk}/"', html=False)
    assertContains(response, "PDF, 1 Seite, 8\xa0Bytes")  # filesizeformat: no-break space
    PdfVersion.objects.filter(pk=version.pk).update(size=123_456, page_count=2)
    assertContains(client.get(standard_page.url), "PDF, 2 Seiten, 120,6\xa0KB")


def test_page_with_video_requests_nothing_from_the_video_host(client, home_page):
    from tests.factories import StandardPageFactory

    video = {"url": "https://vimeo.com/76979871", "title": "Imagefilm", "description": ""}
    page = StandardPageFactory(parent=home_page, body=[("video", video)])
    html = client.get(page.url).content.decode()
    assert "<iframe" not in html
    assert 'src="https://player.vimeo.com' not in html
    assert "Video bei Vimeo ansehen (öffnet ein neues Fenster)" in html
    assert '<script src="/static/js/video-consent.js" defer></script>' in html


def test_page_addresses_stay_ascii(home_page):
    """A title with umlauts gets a slug without them: no %C3%BC in addresses."""
    page = StandardPageFactory.build(title="Über uns – Förderung", slug="")
    home_page.add_child(instance=page)
    assert page.slug.isascii() and page.slug == "uber-uns-forderung"
    assert page.url == "/uber-uns-forderung/"
