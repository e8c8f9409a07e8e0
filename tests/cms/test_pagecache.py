"""The page cache serves stored pages to anonymous readers and forgets them on publish."""

import pytest
from django.core.cache import cache

from cms import pagecache as page_cache
from cms.pagecache import STATUS_HEADER
from harness import free_port


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE_ENABLED = True
    page_cache.clear()
    return settings


@pytest.fixture
def page(client, standard_page):
    """The first request of a fresh site creates its settings rows, which clears the cache."""
    client.get(standard_page.url)
    return standard_page


def test_second_anonymous_request_is_served_from_the_cache(cached, client, page):
    first = client.get(page.url)
    second = client.get(page.url)

    assert first.status_code == second.status_code == 200
    assert first[STATUS_HEADER] == "miss"
    assert second[STATUS_HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"].startswith("text/html")


def test_published_change_is_visible_on_the_very_next_request(
    cached, client, page, django_capture_on_commit_callbacks
):
    client.get(page.url)
    assert client.get(page.url)[STATUS_HEADER] == "hit"

    page.intro = "Neu: Sprechzeiten jetzt auch in Herzberg."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    response = client.get(page.url)
    assert response[STATUS_HEADER] == "miss"
    assert "Neu: Sprechzeiten jetzt auch in Herzberg." in response.content.decode()


def test_unpublished_page_is_gone_on_the_very_next_request(
    cached, client, page, django_capture_on_commit_callbacks
):
    assert client.get(page.url).status_code == 200
    assert client.get(page.url)[STATUS_HEADER] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    assert client.get("/ueber-das-netzwerk/").status_code == 404


def test_snippet_change_clears_the_cache(cached, client, page, django_capture_on_commit_callbacks):
    from tests.factories import PartnerFactory

    client.get(page.url)
    assert client.get(page.url)[STATUS_HEADER] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        PartnerFactory(name="Neuer Partner")

    assert client.get(page.url)[STATUS_HEADER] == "miss"


def test_logged_in_users_always_get_fresh_pages(cached, client, page, partner_staff_user):
    client.get(page.url)
    client.force_login(partner_staff_user)

    response = client.get(page.url)

    assert response.status_code == 200
    assert STATUS_HEADER not in response


def test_switched_off_cache_stores_nothing(settings, client, page):
    settings.PAGE_CACHE_ENABLED = False

    first = client.get(page.url)
    second = client.get(page.url)

    assert first.status_code == second.status_code == 200
    assert STATUS_HEADER not in second


def test_responses_that_set_cookies_are_not_stored(cached, rf):
    from django.http import HttpResponse

    def view(request):
        response = HttpResponse("<p>Formular</p>", content_type="text/html")
        response.set_cookie("csrftoken", "abc")
        return response

    middleware = page_cache.PageCacheMiddleware(view)
    middleware(rf.get("/formular/"))
    response = middleware(rf.get("/formular/"))

    assert STATUS_HEADER not in response


def test_generation_survives_a_lost_key(cached):
    cache.delete(page_cache.GENERATION_KEY)

    before = page_cache.generation()
    page_cache.clear()

    assert page_cache.generation() == before + 1


class CacheOutage:
    """Points the cache at a port where no Redis listens, and back."""

    def __init__(self, settings):
        self.settings = settings
        self.live = settings.CACHES
        assert "redis" in self.live["default"]["BACKEND"].lower(), "needs REDIS_URL"
        self.dead = {
            "default": {**self.live["default"], "LOCATION": f"redis://127.0.0.1:{free_port()}/0"}
        }

    def begin(self) -> None:
        self.settings.CACHES = self.dead

    def end(self) -> None:
        self.settings.CACHES = self.live


@pytest.fixture
def outage(settings) -> CacheOutage:
    return CacheOutage(settings)


def test_unreachable_cache_fails_open_and_says_so(cached, client, page, caplog, outage):
    outage.begin()
    assert cache.get("any-key", "default") == "default"
    assert cache.add("any-key", 1) is None
    assert cache.incr("any-key") is None
    response = client.get(page.url)

    assert response.status_code == 200
    assert response[STATUS_HEADER] == "bypass"
    messages = [record.getMessage() for record in caplog.records]
    assert "Page cache unavailable; serving uncached: /ueber-das-netzwerk/" in messages
    assert any(record.name == "cms.cache" for record in caplog.records)


def test_a_publish_during_an_outage_shows_once_the_cache_is_back(
    cached, client, page, outage, django_capture_on_commit_callbacks
):
    client.get(page.url)
    assert client.get(page.url)[STATUS_HEADER] == "hit"

    outage.begin()
    page.intro = "Neu während der Störung: Sprechzeiten in Herzberg."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert "Neu während der Störung" in client.get(page.url).text

    outage.end()
    response = client.get(page.url)
    assert response[STATUS_HEADER] == "miss"
    assert "Neu während der Störung" in response.text
