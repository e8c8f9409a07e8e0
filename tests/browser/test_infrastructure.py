"""The browser test harness itself: server, guards, axe-core and the PDF image check can fail."""

import pytest
from pypdf import PdfWriter

from tests.browser.helpers import (
    assert_image_not_blank,
    axe_violations,
    format_violations,
    pdf_first_page_png,
)

pytestmark = pytest.mark.browser


def test_home_page_is_served_in_german(page, site_server, screenshot):
    response = page.goto("/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang", timeout=1000).startswith("de")
    assert page.locator("main").count() == 1
    screenshot(page, "infrastructure-home")


def test_static_files_are_served(page, site_server):
    page.goto("/")
    href = page.locator("link[rel=stylesheet]").first.get_attribute("href")
    assert href.startswith("/static/")
    response = page.request.get(href)
    assert response.ok
    assert response.headers["content-type"].startswith("text/css")


def test_requests_to_other_hosts_are_blocked_and_reported(page, page_guard):
    page.goto("/")
    page.evaluate("() => fetch('https://example.org/tracker.js').catch(() => null)")
    page.wait_for_timeout(200)
    assert any("example.org" in problem for problem in page_guard.problems)
    page_guard.problems.clear()


def test_console_errors_and_page_errors_are_reported(page, page_guard):
    page.goto("/")
    page.evaluate("() => console.error('kaputt')")
    page.evaluate("() => setTimeout(() => { throw new Error('auch kaputt'); }, 0)")
    page.wait_for_timeout(200)
    assert any("kaputt" in problem for problem in page_guard.problems)
    assert any("auch kaputt" in problem for problem in page_guard.problems)
    page_guard.problems.clear()


def test_broken_images_are_reported_but_an_error_page_itself_is_not(page, page_guard):
    response = page.goto("/diese-seite-gibt-es-nicht/")
    assert response.status == 404
    assert page_guard.report() == []
    page.evaluate(
        """() => new Promise((resolve) => {
            const img = document.createElement("img");
            img.alt = "";
            img.onerror = resolve;
            img.src = "/static/fehlt.png";
            document.body.append(img);
        })"""
    )
    page.wait_for_timeout(200)
    assert any("fehlt.png" in problem for problem in page_guard.report())
    page_guard.failed_resources.clear()


def test_axe_reports_violations_with_rule_and_selector(page):
    page.goto("/")
    page.set_content(
        '<html lang="de"><head><title>Probe</title></head>'
        '<body><main><h1>Probe</h1><img id="foto" src="data:,"></main></body></html>'
    )
    violations = axe_violations(page)
    assert [v["id"] for v in violations] == ["image-alt"]
    message = format_violations(violations, "Probe")
    assert "image-alt [critical]" in message
    assert "#foto" in message


def test_blank_pdf_page_is_recognised(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    blank = tmp_path / "blank.pdf"
    with blank.open("wb") as handle:
        writer.write(handle)
    png = pdf_first_page_png(blank, "infrastructure-blank")
    with pytest.raises(AssertionError, match="single colour"):
        assert_image_not_blank(png)
    png.unlink()
