"""Security headers on pages, the admin, downloads, static files and the API."""

import re

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document

pytestmark = pytest.mark.django_db

COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def directives(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_common_headers(response):
    for name, value in COMMON_HEADERS.items():
        assert response[name] == value, name
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_public_page_has_a_strict_policy(client, home_page):
    response = client.get(home_page.url)
    assert response.status_code == 200
    assert_common_headers(response)
    assert response["X-Frame-Options"] == "DENY"
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert "'unsafe-inline'" not in csp["style-src"]
    # Only the consented video players may be framed, nothing else from other hosts.
    assert csp["frame-src"] == [
        "'self'",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ]
    assert csp["connect-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]


def test_nonce_in_the_header_matches_the_one_templates_get(rf, home_page):
    from csp.middleware import CSPMiddleware

    from security.middleware import SecurityHeadersMiddleware

    request = rf.get("/")
    middleware = SecurityHeadersMiddleware(lambda req: None)
    middleware.process_request(request)
    nonce = str(request.csp_nonce)  # what a template gets from {{ request.csp_nonce }}
    from django.http import HttpResponse

    response = middleware.process_response(request, HttpResponse("<p>ok</p>"))
    assert f"'nonce-{nonce}'" in directives(response)["script-src"]
    assert isinstance(middleware, CSPMiddleware)


def test_page_without_inline_script_gets_no_nonce(client, home_page):
    response = client.get(home_page.url)
    assert not any(s.startswith("'nonce-") for s in directives(response)["script-src"])
    # A nonce only helps if the page uses it: an unused one would be a free pass.
    # JSON data blocks (structured data) are not executed, so CSP does not apply to them.
    executable_inline = r"<script(?![^>]*\bsrc=)(?![^>]*\bnonce=)(?![^>]*application/(ld\+)?json)"
    assert not re.search(executable_inline, response.text)


def test_admin_login_has_its_own_looser_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_common_headers(response)
    csp = directives(response)
    assert csp["frame-ancestors"] == ["'self'"], "admin previews are framed by the admin"
    assert csp["object-src"] == ["'none'"]
    assert csp["connect-src"] == ["'self'"]
    assert "'unsafe-eval'" not in csp["script-src"]


def test_admin_makes_no_third_party_requests(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    html = response.text
    assert "gravatar.com" not in html
    assert "releases.wagtail.org" not in html


def test_document_download_has_the_headers(client):
    document = Document.objects.create(title="Kurzfassung")
    document.file.save("kurzfassung.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert_common_headers(response)
    # Wagtail's own, stricter policy for served documents is kept.
    assert directives(response)["default-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_static_file_has_the_headers(settings):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    response = Client().get("/static/wagtailadmin/js/core.js")
    assert response.status_code == 200
    assert_common_headers(response)
    assert "Content-Security-Policy" in response


def test_api_response_has_the_headers(client, home_page):
    response = client.get("/api/v3/pages/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert_common_headers(response)
    assert directives(response)["frame-ancestors"] == ["'none'"]


def test_api_docs_load_only_own_scripts(client):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    csp = directives(response)
    assert csp["script-src"] == ["'self'"]
    assert "cdn.jsdelivr.net" not in response.text, "Swagger UI is served from our static files"


def test_admin_preview_may_be_framed_by_the_admin_only(admin_client, home_page):
    from tests.factories import LegalPageFactory

    page = LegalPageFactory(parent=home_page, title="Impressum", slug="impressum")
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    body = '{"blocks":[{"key":"a","type":"unstyled","text":"Vorschau","depth":0,'
    body += '"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}'
    data = {"title": "Impressum", "slug": "impressum", "body": body}
    posted = admin_client.post(preview_url, data)
    assert posted.json()["is_valid"] is True
    response = admin_client.get(preview_url)
    assert response.status_code == 200
    assert "Vorschau" in response.text
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]
