"""Journeys through the real site in Chromium, with screenshots of the key screens."""

import re
import time

import pytest

from tests.browser.helpers import (
    assert_image_not_blank,
    focus_is_visible,
    pdf_first_page_png,
    pdf_text,
    tab_until,
)

pytestmark = pytest.mark.browser

PDF_WAIT_SECONDS = 90


def only_page(site_server, *types: str) -> dict:
    pages = site_server.pages_of_type(*types)
    assert pages, f"The demo content has no public page of type {' or '.join(types)}"
    return pages[0]


def open_main_menu_if_collapsed(page) -> None:
    """Phones may hide the menu behind a button; without one the links are simply visible."""
    toggle = page.get_by_role("button", name=re.compile("Menü", re.I))
    if toggle.count() and toggle.first.is_visible():
        toggle.first.click()


def choose_option(select, word: str) -> str:
    labels = [label.strip() for label in select.locator("option").all_inner_texts()]
    matches = [label for label in labels if word.lower() in label.lower()]
    assert matches, f"no option containing {word!r} in {labels}"
    select.select_option(label=matches[0])
    return matches[0]


def submit_filter(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Filtern").click()


def listed_partners(page) -> list[dict]:
    """Name, policy fields and town of each partner in the directory's result list."""
    return page.locator(".partner-list article").evaluate_all(
        """articles => articles.map(a => {
            const entry = {name: a.querySelector('h3').innerText.trim()};
            a.querySelectorAll('dt').forEach(dt => {
                entry[dt.innerText.trim()] = dt.nextElementSibling.innerText.trim();
            });
            return entry;
        })"""
    )


def wait_for_link(page, name, seconds: int = PDF_WAIT_SECONDS):
    """Reload until the link appears: the PDF is rendered by the Celery worker."""
    deadline = time.monotonic() + seconds
    link = page.get_by_role("link", name=name)
    while not link.count():
        assert time.monotonic() < deadline, f"no link {name!r} on {page.url} after {seconds}s"
        page.wait_for_timeout(1000)
        page.reload()
    return link.first


def download_pdf(page, link, download_dir, name: str) -> bytes:
    """Click a PDF link and keep the file; the server may send it inline or as attachment."""
    href = link.get_attribute("href")
    try:
        with page.expect_download(timeout=15_000) as info:
            link.click(modifiers=["Alt"])
        path = download_dir / f"{name}.pdf"
        info.value.save_as(path)
        data = path.read_bytes()
    except Exception:  # noqa: BLE001 - an inline PDF opens instead of downloading
        response = page.request.get(href)
        assert response.ok, f"{href} answered {response.status}"
        data = response.body()
        (download_dir / f"{name}.pdf").write_bytes(data)
    assert data.startswith(b"%PDF"), f"{href} is not a PDF"
    png = pdf_first_page_png(download_dir / f"{name}.pdf", name)
    assert_image_not_blank(png)
    return data


# --------------------------------------------------------------------------- (c) reader


def test_reader_on_a_phone_finds_a_health_partner_and_downloads_the_summary(
    phone_page, site_server, screenshot, download_dir
):
    page = phone_page
    page.goto("/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "page scrolls sideways"
    screenshot(page, "journey-reader-1-home")

    directory = only_page(site_server, "PartnerDirectoryPage")
    open_main_menu_if_collapsed(page)
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    with page.expect_navigation():
        nav.get_by_role("link", name=directory["title"]).click()
    assert page.url.endswith(directory["url"])
    screenshot(page, "journey-reader-2-directory")

    policy_field = choose_option(page.get_by_label("Politikfeld"), "Gesundheit")
    submit_filter(page)
    health_partners = listed_partners(page)
    assert health_partners, "no partner for Gesundheit"
    town = next(p["Ort"] for p in health_partners if p.get("Ort"))
    page.get_by_label("Ort", exact=True).select_option(label=town)
    submit_filter(page)
    partners = listed_partners(page)
    assert partners, f"no partner for {policy_field} in {town}"
    assert all(p["Ort"] == town and policy_field in p["Politikfelder"] for p in partners)
    assert page.get_by_label("Politikfeld").input_value(), "the filter forgot the policy field"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "page scrolls sideways"
    screenshot(page, "journey-reader-3-filtered")

    with page.expect_navigation():
        page.locator(".partner-list h3 a").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == partners[0]["name"]
    screenshot(page, "journey-reader-4-partner")

    page.goto("/")
    open_main_menu_if_collapsed(page)
    summary_link = page.get_by_role("link", name=re.compile("Kurzfassung", re.I)).first
    if "pdf" not in (summary_link.get_attribute("href") or "").lower():
        with page.expect_navigation():
            summary_link.click()
        summary_link = wait_for_link(page, re.compile("Kurzfassung als PDF", re.I))
    screenshot(page, "journey-reader-5-summary")
    data = download_pdf(page, summary_link, download_dir, "journey-reader-kurzfassung")
    assert "Alleinerziehende" in pdf_text(data)


# --------------------------------------------------------------------------- (d) keyboard


def test_skip_link_and_main_navigation_work_with_the_keyboard(page, site_server, screenshot):
    page.goto("/")
    skip = tab_until(page, lambda state: True)
    assert skip["href"] == "#inhalt", f"the first Tab stop is not the skip link: {skip}"
    screenshot(page, "journey-keyboard-1-skip-link")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"

    page.goto("/")
    nav_link = tab_until(page, lambda state: state["inNav"] and state["tag"] == "a")
    screenshot(page, "journey-keyboard-2-main-navigation")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(nav_link["href"])


def test_directory_filter_works_with_the_keyboard(page, site_server, screenshot):
    directory = only_page(site_server, "PartnerDirectoryPage")
    page.goto(directory["url"])
    tab_until(page, lambda state: state["name"] == "bereich")
    labels = page.get_by_label("Politikfeld").locator("option").all_inner_texts()
    health = next(label for label in labels if "Gesundheit" in label)
    page.keyboard.type(health[:4])
    assert "Gesundheit" in page.get_by_label("Politikfeld").evaluate(
        "select => select.selectedOptions[0].text"
    )
    screenshot(page, "journey-keyboard-3-filter")
    tab_until(page, lambda state: state["tag"] == "button" and state["text"] == "Filtern")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "bereich=" in page.url
    assert listed_partners(page), "no partner listed after filtering by keyboard"


def test_admin_login_form_works_with_the_keyboard(page, site_server, screenshot):
    account = site_server.accounts["editor"]
    page.goto("/admin/login/")
    tab_until(page, lambda state: state["name"] == "username")
    page.keyboard.type(account["username"])
    state = tab_until(page, lambda state: state["name"] == "password")
    assert focus_is_visible(state)
    page.keyboard.type(account["password"])
    screenshot(page, "journey-keyboard-4-admin-login")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/admin/login/" not in page.url, "the keyboard login did not log in"
