"""The dashboard panel of reported barriers not handled yet."""

import pytest
from django.urls import reverse

from home.models import AccessibilityFeedback

pytestmark = pytest.mark.django_db


def test_editors_see_open_reports_with_links_to_handle_them(client, editor_user):
    open_report = AccessibilityFeedback.objects.create(
        page_url="/netzwerk/", message="Der Kontrast der Knöpfe ist zu schwach."
    )
    AccessibilityFeedback.objects.create(message="Längst behoben", done=True)
    client.force_login(editor_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 neue Barriere-Meldung" in html
    assert "Der Kontrast der Knöpfe ist zu schwach." in html
    assert "Längst behoben" not in html
    edit = AccessibilityFeedback.snippet_viewset.get_url_name("edit")
    assert reverse(edit, args=[open_report.pk]) in html


def test_accounts_without_access_to_reports_do_not_see_them(client, admin_access_user):
    AccessibilityFeedback.objects.create(message="Der Kontrast der Knöpfe ist zu schwach.")
    client.force_login(admin_access_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Barriere-Meldung" not in html.split("<main", 1)[-1]
