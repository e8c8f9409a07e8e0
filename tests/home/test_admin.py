"""Editors can open the edit forms of every website page type and the site settings."""

import pytest
from wagtail.models import Site

from home.models import AccessibilityFeedback

pytestmark = pytest.mark.django_db


def test_edit_forms_of_every_page_type_open(
    admin_client, home_page, standard_page, news_page, legal_page, accessibility_page, easy_page
):
    pages = [home_page, standard_page, news_page.get_parent(), news_page, legal_page]
    pages += [accessibility_page, easy_page]
    for page in pages:
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, type(page).__name__


def test_standard_page_has_pdf_tab(admin_client, standard_page):
    response = admin_client.get(f"/admin/pages/{standard_page.pk}/edit/")
    content = response.content.decode()
    assert "Kurzfassung als PDF anbieten" in content
    assert 'name="offer_pdf"' in content


def test_site_settings_open(admin_client, home_page):
    site = Site.objects.get(is_default_site=True)
    for name in ("sitesettings", "navigationsettings"):
        response = admin_client.get(f"/admin/settings/home/{name}/{site.pk}/")
        assert response.status_code == 200, name


def test_feedback_inspect_view_shows_message(admin_client, accessibility_page):
    feedback = AccessibilityFeedback.objects.create(
        page=accessibility_page, message="Der Kontrast im Menü ist zu schwach."
    )
    response = admin_client.get(
        f"/admin/snippets/home/accessibilityfeedback/inspect/{feedback.pk}/"
    )
    assert response.status_code == 200
    assert "Der Kontrast im Menü ist zu schwach." in response.content.decode()


def test_feedback_edit_view_shows_the_message(client, editor_user, accessibility_page):
    feedback = AccessibilityFeedback.objects.create(
        page=accessibility_page, message="Die Tabelle hat keine Überschriften."
    )
    client.force_login(editor_user)
    edit = client.get(f"/admin/snippets/home/accessibilityfeedback/edit/{feedback.pk}/")
    assert edit.status_code == 200
    assert "Die Tabelle hat keine Überschriften." in edit.text
    assert 'name="message"' not in edit.text, "the message is shown, not editable"


def test_feedback_list_says_ja_or_nein(client, editor_user, accessibility_page):
    AccessibilityFeedback.objects.create(page=accessibility_page, message="Kontrast", done=True)
    client.force_login(editor_user)
    text = client.get("/admin/snippets/home/accessibilityfeedback/").text
    assert ">True<" not in text and "True\n" not in text
    assert "ja" in text
