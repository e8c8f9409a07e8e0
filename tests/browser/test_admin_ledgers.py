"""The render jobs in the admin as a German editor sees them on a 1366 px laptop.

Screenshots: admin-jobs-1366 (list) and admin-job-1366 (one job) in artifacts/screenshots/.
"""

import re

import pytest

from tests.browser.conftest import new_guarded_context
from tests.browser.helpers import log_into_admin

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture
def laptop_page(chromium, site_server, page_guard):
    context = new_guarded_context(chromium, site_server, page_guard, viewport=LAPTOP)
    yield context.new_page()
    context.close()


def overflowing(page, selector: str) -> list[str]:
    """Texts of elements under ``selector`` that stick out of their table cell."""
    return page.locator(selector).evaluate_all(
        """nodes => nodes.filter(n => {
            const cell = n.closest('td') || n.parentElement;
            const a = n.getBoundingClientRect(), b = cell.getBoundingClientRect();
            return a.right > b.right + 1 || a.left < b.left - 1;
        }).map(n => n.textContent.trim())"""
    )


def test_job_list_and_detail_fit_a_laptop(laptop_page, site_server, screenshot):
    page = laptop_page
    log_into_admin(page, site_server.accounts["editor"])
    page.goto("/admin/documents/renderjob/")
    assert page.locator("table.listing tbody tr").count() > 0, "no render jobs listed"
    assert page.evaluate("document.documentElement.scrollWidth") <= LAPTOP["width"]
    assert overflowing(page, "table.listing ul.actions a") == []
    headers = page.locator("table.listing thead th").all_inner_texts()
    assert "Pk" not in [h.strip() for h in headers]
    search = page.locator("#id_q")
    assert search.get_attribute("placeholder") == "Render-Aufträge durchsuchen"
    screenshot(page, "admin-jobs-1366", full_page=False)

    with page.expect_navigation():
        page.locator("table.listing ul.actions a", has_text="Ansehen").first.click()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert re.fullmatch(r"Render-Auftrag \d+ – .+", heading.strip()), heading
    assert page.get_by_role("link", name="Zurück zu den Render-Aufträgen").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= LAPTOP["width"]
    screenshot(page, "admin-job-1366", full_page=False)
