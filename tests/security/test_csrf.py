"""Every form refuses a POST without the CSRF token (the token alone makes the difference)."""

import pytest
from django.test import Client

from tests.factories import AccessibilityStatementPageFactory
from tests.fixtures.roles import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict_client() -> Client:
    return Client(enforce_csrf_checks=True)


def csrf_token(client: Client, url: str) -> str:
    """The token a browser gets with the form (cookie set when the form is rendered)."""
    assert client.get(url).status_code == 200
    return client.cookies["csrftoken"].value


def test_admin_login_without_token_is_refused(strict_client, admin_access_user):
    response = strict_client.post("/admin/login/", {"username": "redaktion", "password": PASSWORD})
    assert response.status_code == 403
    assert "Das Formular konnte nicht gesendet werden" in response.text
    assert "_auth_user_id" not in strict_client.session


def test_admin_login_with_token_works(strict_client, admin_access_user):
    token = csrf_token(strict_client, "/admin/login/")
    response = strict_client.post(
        "/admin/login/",
        {"username": "redaktion", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert strict_client.session["_auth_user_id"] == str(admin_access_user.pk)


@pytest.fixture
def accessibility_page(home_page):
    from django.core.cache import cache

    cache.clear()  # the form's rate limit counts in the shared cache
    return AccessibilityStatementPageFactory(parent=home_page)


FEEDBACK = {"message": "Der Kontrast der Fußzeile ist zu schwach.", "page_url": "/"}


def test_feedback_form_without_token_is_refused(strict_client, accessibility_page):
    from home.models import AccessibilityFeedback

    response = strict_client.post(accessibility_page.url, FEEDBACK)
    assert response.status_code == 403
    assert not AccessibilityFeedback.objects.exists()


def test_feedback_form_with_token_is_accepted(strict_client, accessibility_page):
    from home.models import AccessibilityFeedback

    token = csrf_token(strict_client, accessibility_page.url)
    response = strict_client.post(
        accessibility_page.url, {**FEEDBACK, "csrfmiddlewaretoken": token}
    )
    assert response.status_code in (200, 302)
    assert AccessibilityFeedback.objects.get().message == FEEDBACK["message"]


def test_csrf_middleware_is_on(settings):
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE


def test_api_writes_ignore_the_session_cookie(home_page, superuser):
    """The API is CSRF-exempt, so it must not accept the admin's session for writes."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(superuser)
    response = client.post(
        f"/api/v3/pages/{home_page.pk}/actions/unpublish/",
        data={},
        content_type="application/json",
    )
    assert response.status_code in (401, 403)
    home_page.refresh_from_db()
    assert home_page.live
