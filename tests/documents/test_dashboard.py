"""The dashboard panel of failed and stuck render jobs, by role."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.models import RenderJob
from tests.factories import HandoutIndexPageFactory, HandoutPageFactory

pytestmark = pytest.mark.django_db

HEADING = "PDF-Aufträge, die Aufmerksamkeit brauchen"


def job(page, status, minutes_ago=0, error=""):
    created = RenderJob.objects.create(page=page, status=status, error=error)
    when = timezone.now() - timedelta(minutes=minutes_ago)
    RenderJob.objects.filter(pk=created.pk).update(created_at=when)
    return created


@pytest.fixture
def handouts(home_page):
    index = HandoutIndexPageFactory(parent=home_page)
    return [
        HandoutPageFactory(parent=index, title=title)
        for title in ("Übergang Schule – Beruf", "Kinderbetreuung", "Pflege")
    ]


def test_editors_see_unresolved_failures_and_stuck_jobs(client, editor_user, handouts):
    broken, fixed, waiting = handouts
    failed = job(broken, RenderJob.Status.FAILED, 30, "Schrift fehlt: Source Sans 3")
    job(fixed, RenderJob.Status.FAILED, 30, "vorübergehend")
    job(fixed, RenderJob.Status.DONE, 10)
    job(waiting, RenderJob.Status.PENDING, 7)
    job(broken, RenderJob.Status.PENDING, 1)  # fresh: not stuck yet

    client.force_login(editor_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert HEADING in html
    assert "1 fehlgeschlagener Auftrag" in html
    assert "Schrift fehlt: Source Sans 3" in html
    assert "vorübergehend" not in html  # a later job of the page finished
    assert "1 Auftrag wartet seit mehr als 5 Minuten" in html
    assert reverse("documents_admin_retry_job", args=[failed.pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[waiting.pk]) in html


def test_the_panel_is_absent_when_nothing_needs_doing(client, editor_user, handouts):
    job(handouts[0], RenderJob.Status.DONE, 30)
    client.force_login(editor_user)
    assert HEADING not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_accounts_without_the_ledger_permission_do_not_see_it(client, admin_access_user, handouts):
    job(handouts[0], RenderJob.Status.FAILED, 30, "kaputt")
    client.force_login(admin_access_user)
    assert HEADING not in client.get(reverse("wagtailadmin_home")).content.decode()
