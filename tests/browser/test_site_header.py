"""The site header in Chromium: compact on a phone, inline on a desktop, usable without JavaScript.

Screenshots: header-375-closed, header-375-open, header-1280, and on a phone the
feedback confirmation (feedback-sent-375) and a handout (handout-375) in
artifacts/screenshots/.
"""

import re

import pytest

from tests.browser.conftest import new_guarded_context
from tests.browser.helpers import assert_accessible, focused, tab_until

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
# The header may take at most this share of a phone's first screen (it took 46 %).
MAX_PHONE_HEADER_SHARE = 0.12


def header_box(page) -> dict:
    return page.get_by_role("banner").bounding_box()


def menu_toggle(page):
    return page.locator("header summary")


def main_nav(page):
    return page.get_by_role("navigation", name="Hauptnavigation")


def test_phone_header_is_compact_and_opens_navigation_and_search(
    phone_page, site_server, screenshot
):
    page = phone_page
    page.goto("/")
    box = header_box(page)
    assert box["height"] <= MAX_PHONE_HEADER_SHARE * PHONE["height"], box
    assert not main_nav(page).is_visible(), "navigation must wait behind the menu button"
    assert not page.get_by_role("searchbox").is_visible()
    brand = page.get_by_role("banner").get_by_role("link", name=re.compile("UNA Elbe-Elster"))
    assert brand.is_visible()
    screenshot(page, "header-375-closed", full_page=False)

    toggle = menu_toggle(page)
    assert toggle.inner_text().strip() == "Menü"
    assert toggle.evaluate("el => el.parentElement.open") is False
    toggle.click()
    assert toggle.evaluate("el => el.parentElement.open") is True
    assert main_nav(page).is_visible()
    assert page.get_by_role("searchbox").is_visible()
    for link in main_nav(page).get_by_role("link").all():
        link_box = link.bounding_box()
        assert link_box["height"] >= 44, f"touch target too small: {link_box}"
    screenshot(page, "header-375-open", full_page=False)
    assert_accessible(page, "phone header with the menu open")

    directory = site_server.page_of_type("PartnerDirectoryPage")
    with page.expect_navigation():
        main_nav(page).get_by_role("link", name=directory["title"]).click()
    assert page.url.endswith(directory["url"])
    assert not main_nav(page).is_visible(), "a new page starts with the menu closed"


def test_phone_menu_works_with_the_keyboard(phone_page, site_server):
    page = phone_page
    page.goto("/")
    tab_until(page, lambda state: state["tag"] == "summary")
    page.keyboard.press("Enter")
    assert main_nav(page).is_visible()
    state = tab_until(page, lambda state: state["inNav"] and state["tag"] == "a")
    assert state["inHeader"]
    tab_until(page, lambda state: state["name"] == "q")
    page.keyboard.type("Gesundheit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=Gesundheit" in page.url


def test_phone_menu_works_without_javascript(chromium, site_server, page_guard):
    context = new_guarded_context(
        chromium, site_server, page_guard, viewport=PHONE, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto("/")
        assert not main_nav(page).is_visible()
        menu_toggle(page).click()
        assert main_nav(page).is_visible()
        assert page.get_by_role("searchbox").is_visible()
    finally:
        context.close()


def test_desktop_header_shows_navigation_and_search_inline(page, site_server, screenshot):
    page.goto("/")
    assert not menu_toggle(page).is_visible(), "no menu button on a desktop"
    nav = main_nav(page)
    assert nav.is_visible()
    assert page.get_by_role("searchbox").is_visible()
    links = nav.get_by_role("link").all()
    assert len(links) >= 3
    tops = {round(link.bounding_box()["y"]) for link in links}
    assert len(tops) == 1, f"navigation links are not in one row: {tops}"
    box = header_box(page)
    assert box["height"] <= 160, box
    screenshot(page, "header-1280", full_page=False)
    assert_accessible(page, "desktop header")


def test_current_section_is_marked_in_the_navigation(page, site_server):
    news = site_server.page_of_type("NewsPage")
    page.goto(news["url"])
    current = main_nav(page).locator("[aria-current]")
    assert current.count() == 1
    assert current.inner_text().strip() == site_server.page_of_type("NewsIndexPage")["title"]


def test_favicon_and_manifest_answer_on_the_first_visit(page, site_server):
    page.goto("/")
    icon = page.request.get("/favicon.ico")
    assert icon.ok and icon.headers["content-type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    for selector in ('link[rel="icon"][type="image/svg+xml"]', 'link[rel="manifest"]'):
        href = page.locator(selector).get_attribute("href")
        assert page.request.get(href).ok, href
    manifest = page.request.get(page.locator('link[rel="manifest"]').get_attribute("href")).json()
    for icon_entry in manifest["icons"]:
        url = page.evaluate(
            "([src, base]) => new URL(src, base).href",
            [icon_entry["src"], page.locator('link[rel="manifest"]').evaluate("l => l.href")],
        )
        assert page.request.get(url).ok, url


def test_feedback_confirmation_is_the_first_thing_in_view_on_a_phone(
    phone_page, site_server, screenshot
):
    page = phone_page
    page.goto(site_server.page_of_type("AccessibilityStatementPage")["url"])
    page.get_by_label(re.compile("Welche Barriere")).fill(
        "Browsertest: Die Tabelle auf der Seite Aktuelles hat keine Spaltenköpfe."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Meldung senden").click()
    page.wait_for_load_state("load")
    confirmation = page.locator(".message--confirmation")
    assert "Vielen Dank" in confirmation.inner_text()
    box = confirmation.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert box["y"] < 0.25 * PHONE["height"], f"not the first thing in view: {box}"
    assert focused(page)["id"] == confirmation.get_attribute("id")
    screenshot(page, "feedback-sent-375", full_page=False)
    assert_accessible(page, "feedback confirmation")


def test_handout_metadata_reads_as_label_value_rows_on_a_phone(phone_page, site_server, screenshot):
    page = phone_page
    page.goto(site_server.page_of_type("HandoutPage")["url"])
    rows = page.locator("dl.handout-facts > div")
    assert rows.count() >= 2
    for row in rows.all():
        label, value = row.locator("dt").bounding_box(), row.locator("dd").bounding_box()
        assert label["y"] + label["height"] <= value["y"] + 1, "label above its value"
        assert abs(label["x"] - value["x"]) < 1, "label and value share the left edge"
    screenshot(page, "handout-375", full_page=False)
