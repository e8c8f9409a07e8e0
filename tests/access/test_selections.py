"""Everything that picks pages for output asks documents.access for the reader.

Featured and latest news, the news index, the main menu, footer links, page
links in blocks (PageChooserBlock), the sitemap and the events feed.
"""

import pytest
from wagtail.models import PageViewRestriction, Site

from accounts.roles import editor_groups, partner_staff_group
from cms import pagecache as page_cache
from home.models import NavigationSettings
from tests.factories import LegalPageFactory, NewsPageFactory, StandardPageFactory
from tests.fixtures.scenarios import RESTRICTED_NEWS, publish

pytestmark = pytest.mark.django_db


def restrict(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([partner_staff_group(), *editor_groups()])
    return restriction


def test_featured_restricted_news_is_not_on_the_home_page(client, restricted_news, home_page):
    assert home_page.latest_news() == []
    response = client.get("/")
    assert response.status_code == 200
    assert RESTRICTED_NEWS not in response.text
    assert restricted_news.url not in response.text


def test_page_cache_never_stores_a_restricted_featured_news(
    client, users, restricted_news, settings
):
    settings.PAGE_CACHE_ENABLED = True
    page_cache.clear()
    client.force_login(users["staff_a"])
    assert RESTRICTED_NEWS in client.get("/").text
    client.logout()
    client.cookies.clear()
    first = client.get("/")
    second = client.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert RESTRICTED_NEWS not in first.text
    assert RESTRICTED_NEWS not in second.text


def test_latest_news_and_news_index_leave_restricted_items_out(client, restricted_news, users):
    index = restricted_news.get_parent()
    public = NewsPageFactory(parent=index, title="Offene Meldung", date="2013-01-01")
    publish(index.get_parent().specific, featured_news=None)
    for url in ("/", index.url):
        text = client.get(url).text
        assert public.title in text
        assert RESTRICTED_NEWS not in text
    client.force_login(users["staff_b"])
    assert RESTRICTED_NEWS in client.get(index.url).text


def test_featured_news_draft_is_not_shown_to_editors_either(client, users, home_page):
    from tests.factories import NewsIndexPageFactory

    index = NewsIndexPageFactory(parent=home_page)
    draft = NewsPageFactory(parent=index, title="Entwurf einer Meldung", live=False)
    publish(home_page, featured_news=draft)
    client.force_login(users["editor"])
    assert "Entwurf einer Meldung" not in client.get("/").text


def _call_to_action(page):
    return (
        "call_to_action",
        {"title": "Weiterlesen", "text": "", "link_page": page, "link_text": "Zur Seite"},
    )


def test_page_chooser_link_to_a_restricted_page(client, users, home_page):
    target = StandardPageFactory(parent=home_page, title="Interner Bereich", slug="intern")
    restrict(target)
    page = StandardPageFactory(
        parent=home_page, title="Offen", slug="offen", body=[_call_to_action(target)]
    )
    anonymous = client.get(page.url)
    assert anonymous.status_code == 200
    assert "Weiterlesen" in anonymous.text
    assert f'href="{target.url}"' not in anonymous.text
    client.force_login(users["staff_a"])
    assert f'href="{target.url}"' in client.get(page.url).text


def test_page_chooser_link_to_an_unpublished_page(client, home_page):
    target = StandardPageFactory(
        parent=home_page, title="Noch nicht", slug="noch-nicht", live=False
    )
    page = StandardPageFactory(
        parent=home_page, title="Offen", slug="offen", body=[_call_to_action(target)]
    )
    assert "/noch-nicht/" not in client.get(page.url).text


def test_main_menu_and_footer_leave_restricted_pages_out(client, users, home_page):
    menu_page = StandardPageFactory(
        parent=home_page, title="Nur intern im Menü", slug="menue-intern", show_in_menus=True
    )
    restrict(menu_page)
    legal = LegalPageFactory(parent=home_page, title="Internes Impressum", slug="impressum")
    restrict(legal)
    settings = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.impressum_page = legal
    settings.save()
    text = client.get("/").text
    assert "Nur intern im Menü" not in text
    assert legal.url not in text
    client.force_login(users["editor"])
    text = client.get("/").text
    assert "Nur intern im Menü" in text
    assert legal.url in text


def test_sitemap_and_feed_leave_out_a_flagged_handout_without_its_restriction(
    client, handouts, restricted_news
):
    page = handouts["restricted"]
    PageViewRestriction.objects.filter(page=page).delete()  # as by a bulk write
    assert page.url not in client.get("/sitemap.xml").content.decode()
    assert RESTRICTED_NEWS.encode() not in client.get("/api/v3/opendata/events.ics").content
