"""The admin dashboard by role in Chromium: what a coordinator and an editor have to do."""

import re

import pytest

from tests.browser.helpers import log_into_admin

pytestmark = pytest.mark.browser

SETUP = """
from datetime import timedelta
from django.utils import timezone
from home.models import AccessibilityFeedback
from partners.models import Partner
Partner.objects.filter(slug="eg-projektagentur").update(
    last_published_at=timezone.now() - timedelta(days=400))
AccessibilityFeedback.objects.get_or_create(
    message="Im Partnerverzeichnis fehlt die Beschriftung des Suchfelds.")
"""


def panel(page, heading: str):
    """A dashboard panel (a section) by words of its heading."""
    return page.locator(
        "section.w-panel", has=page.get_by_role("heading", name=re.compile(heading))
    )


@pytest.fixture(scope="module")
def work_to_do(site_server):
    site_server.manage("shell", "-c", SETUP)


def test_a_coordinator_sees_approvals_and_overdue_entries_of_the_field(
    browser_context, site_server, work_to_do, screenshot
):
    page = browser_context()
    log_into_admin(page, site_server.accounts["coordinator"])
    overdue = panel(page, "sollten? geprüft werden")
    overdue.wait_for()
    assert "E&G Projektagentur" in overdue.inner_text()
    main = page.get_by_role("main").inner_text()
    assert "Barriere-Meldung" not in main  # reports are the editors' work
    screenshot(page, "dashboard-coordinator")


def test_an_editor_sees_reports_and_every_overdue_entry(
    browser_context, site_server, work_to_do, screenshot
):
    page = browser_context()
    log_into_admin(page, site_server.accounts["editor"])
    reports = panel(page, "neue Barriere-Meldung")
    reports.wait_for()
    assert "Beschriftung des Suchfelds" in reports.inner_text()
    assert "E&G Projektagentur" in panel(page, "sollten? geprüft werden").inner_text()
    with page.expect_navigation():
        reports.get_by_role("link", name="Im Partnerverzeichnis fehlt").click()
    assert "/admin/snippets/home/accessibilityfeedback/edit/" in page.url
    screenshot(page, "dashboard-editor-report")
