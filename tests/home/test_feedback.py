"""The barrier feedback form: stored, German errors, nothing lost, CSRF, spam guards."""

import pytest
from django.test import Client
from pytest_django.asserts import assertContains

from home.models import AccessibilityFeedback
from home.models.accessibility import FEEDBACK_RATE_LIMIT

pytestmark = pytest.mark.django_db

VALID = {
    "page_url": "/aktuelles/",
    "message": "Die Bilder der Galerie haben keinen Alternativtext.",
    "name": "",
    "email": "",
    "website": "",
}


@pytest.fixture(autouse=True)
def clear_cache():
    from django.core.cache import cache

    cache.clear()


def test_valid_message_is_stored(client, accessibility_page):
    response = client.post(accessibility_page.url, VALID, follow=True)
    assert response.redirect_chain[0][1] == 302
    assertContains(response, "Vielen Dank!")
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.message == VALID["message"]
    assert feedback.page_id == accessibility_page.pk


@pytest.mark.parametrize("website", ["", "http://spam.example"])
def test_thank_you_is_where_the_browser_lands(client, accessibility_page, website):
    """On a phone the statement is long: the redirect's fragment names the thank-you itself,
    which stands in the form's section, not at the top of the page."""
    response = client.post(accessibility_page.url, {**VALID, "website": website})
    assert response.status_code == 302
    url, _, fragment = response["Location"].partition("#")
    html = client.get(url).text
    target = html.index(f'id="{fragment}"')
    assert html.index('id="meldung"') < target < html.index('<form method="post"')
    confirmation = html[target : html.index("</div>", target)]
    assert "Vielen Dank! Ihre Meldung ist bei uns angekommen." in confirmation
    assert html.count("Vielen Dank!") == 1, "the thank-you must not also stand atop the page"
    assert "Vielen Dank!" not in client.get(url).text, "shown once"


def test_invalid_message_shows_german_error_and_keeps_text(client, accessibility_page):
    data = {**VALID, "message": "kurz", "email": "keine-adresse", "name": "Anna"}
    response = client.post(accessibility_page.url, data)
    assert response.status_code == 400
    assertContains(response, "mindestens 10 Zeichen", status_code=400)
    assertContains(response, "gültige E-Mail-Adresse", status_code=400)
    assertContains(response, "kurz</textarea>", status_code=400)
    assertContains(response, 'value="keine-adresse"', status_code=400)
    assertContains(response, 'value="Anna"', status_code=400)
    assert AccessibilityFeedback.objects.count() == 0


def test_empty_message_is_required_in_german(client, accessibility_page):
    response = client.post(accessibility_page.url, {**VALID, "message": ""})
    assertContains(response, "Bitte beschreiben Sie die Barriere.", status_code=400)


def test_csrf_is_enforced(accessibility_page):
    response = Client(enforce_csrf_checks=True).post(accessibility_page.url, VALID)
    assert response.status_code == 403
    assert AccessibilityFeedback.objects.count() == 0


def test_honeypot_is_not_stored(client, accessibility_page):
    response = client.post(accessibility_page.url, {**VALID, "website": "http://spam.example"})
    assert response.status_code == 302
    assert AccessibilityFeedback.objects.count() == 0


def test_rate_limit_per_address_keeps_the_text(client, accessibility_page):
    for _ in range(FEEDBACK_RATE_LIMIT):
        assert client.post(accessibility_page.url, VALID).status_code == 302
    response = client.post(accessibility_page.url, VALID)
    assertContains(response, "Bitte versuchen Sie es später noch einmal", status_code=429)
    assertContains(response, VALID["message"] + "</textarea>", status_code=429)
    assert AccessibilityFeedback.objects.count() == FEEDBACK_RATE_LIMIT


def test_two_readers_behind_one_proxy_do_not_block_each_other(accessibility_page, settings):
    """Behind the TLS proxy REMOTE_ADDR is the proxy; the limit counts the forwarded client."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    busy = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7")
    other = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.9")
    # The busy reader forges an address in front of the one the proxy appended.
    forging = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7")
    for _ in range(FEEDBACK_RATE_LIMIT):
        assert busy.post(accessibility_page.url, VALID).status_code == 302
    assert busy.post(accessibility_page.url, VALID).status_code == 429
    assert forging.post(accessibility_page.url, VALID).status_code == 429
    assert other.post(accessibility_page.url, VALID).status_code == 302
    assert AccessibilityFeedback.objects.count() == FEEDBACK_RATE_LIMIT + 1


def test_feedback_listing_in_admin(admin_client, accessibility_page):
    client_response = admin_client.get("/admin/snippets/home/accessibilityfeedback/")
    assert client_response.status_code == 200
    AccessibilityFeedback.objects.create(page=accessibility_page, message="Kontrast zu schwach")
    response = admin_client.get("/admin/snippets/home/accessibilityfeedback/")
    assertContains(response, "Kontrast zu schwach")
    assertContains(response, "Barriere-Meldungen")


def test_admin_cannot_add_feedback(admin_client):
    response = admin_client.get("/admin/snippets/home/accessibilityfeedback/add/")
    assert response.status_code in (302, 403)
    assert AccessibilityFeedback.objects.count() == 0


def test_form_page_is_never_stored_in_shared_caches(client, accessibility_page):
    response = client.get(accessibility_page.url)
    assert "private" in response["Cache-Control"]


def test_editors_group_reads_feedback_in_admin(client, accessibility_page, editor_user):
    AccessibilityFeedback.objects.create(page=accessibility_page, message="Fokus nicht sichtbar")
    client.force_login(editor_user)
    response = client.get("/admin/snippets/home/accessibilityfeedback/")
    assertContains(response, "Fokus nicht sichtbar")
    assert client.get("/admin/snippets/home/accessibilityfeedback/add/").status_code in (302, 403)


def test_contact_address_is_notified_without_personal_data(
    client, accessibility_page, mailoutbox, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    from home.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "redaktion@example.org"
    settings.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(accessibility_page.url, {**VALID, "email": "leserin@example.org"})
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["redaktion@example.org"]
    feedback = AccessibilityFeedback.objects.get()
    assert f"/admin/snippets/home/accessibilityfeedback/inspect/{feedback.pk}/" in mail.body
    assert "leserin@example.org" not in mail.body
    assert VALID["message"] not in mail.body
