"""schema.org JSON-LD in the page templates (base.html, block ``jsonld``)."""

import json
import re

import pytest

from tests.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def jsonld(response) -> list[dict]:
    assert response.status_code == 200
    return [json.loads(block) for block in JSONLD.findall(response.content.decode())]


def test_news_page_is_a_news_article_about_an_event(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    page = NewsPageFactory(
        parent=index,
        title="Abschlussveranstaltung",
        date="2013-02-26",
        place="Herzberg",
        intro="Rückblick mit Rundgang.",
    )
    (data,) = jsonld(client.get(page.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    event = data["about"]
    assert event["@type"] == "Event"
    assert event["startDate"] == "2013-02-26"
    assert event["location"]["address"]["addressLocality"] == "Herzberg"
    assert data["description"] == "Rückblick mit Rundgang."


def test_standard_page_is_a_web_page_and_text_cannot_close_the_script(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Über uns </script><b>x</b>", intro="")
    response = client.get(page.url)
    (data,) = jsonld(response)
    assert data["@type"] == "WebPage"
    assert data["name"] == "Über uns </script><b>x</b>"
    assert data["isPartOf"]["@type"] == "WebSite"
    assert "\\u003c/script\\u003e" in response.content.decode()


def test_home_page_is_the_web_site(client, home_page):
    (data,) = jsonld(client.get(home_page.url))
    assert data["@type"] == "WebSite"
    assert data["inLanguage"] == "de"


def test_restricted_handout_has_no_jsonld(client, handouts, partner_staff_user):
    client.force_login(partner_staff_user)
    response = client.get(handouts["restricted"].url)
    assert response.status_code == 200
    assert jsonld(response) == []
