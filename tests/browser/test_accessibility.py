"""WCAG 2.1 AA in Chromium: axe-core on every public page type and the partner staff pages,
and reflow at 320 CSS px.

Pages are found by their type in the demo content (see site_setup.py), or reached
the way a visitor reaches them (filter form, result links, the search box), never
by a hard-coded id or slug.
"""

import re

import pytest

from tests.browser.helpers import (
    REFLOW_WIDTH,
    assert_accessible,
    log_into_site,
    open_site_menu_if_collapsed,
    reflow_problems,
)

pytestmark = pytest.mark.browser

MISSING_PAGE = "The demo content has no public page of type {}"


def legal_page(site_server, title_word: str) -> dict:
    pages = [
        p
        for p in site_server.pages_of_type("LegalPage")
        if title_word.lower() in (p["title"] + p["slug"]).lower()
    ]
    assert pages, MISSING_PAGE.format(f"LegalPage ({title_word})")
    return pages[0]


def open_page(page, site_server, *types: str):
    return page.goto(site_server.page_of_type(*types)["url"])


def open_filtered_directory(page, site_server):
    """The directory filtered by the policy field "Gesundheit", as a visitor does it."""
    open_page(page, site_server, "PartnerDirectoryPage")
    field = page.get_by_label("Politikfeld", exact=True)
    field.select_option(label=option_matching(field, "Gesundheit"))
    with page.expect_navigation():
        page.get_by_role("button", name="Filtern").click()
    assert "bereich=" in page.url
    return None


def open_partner_detail(page, site_server):
    open_page(page, site_server, "PartnerDirectoryPage")
    first = page.locator(".partner-list a").first
    with page.expect_navigation():
        first.click()
    return None


def open_search_results(page, site_server):
    page.goto("/")
    open_site_menu_if_collapsed(page)
    page.get_by_role("searchbox").first.fill("Alleinerziehende")
    with page.expect_navigation():
        page.get_by_role("searchbox").first.press("Enter")
    assert "q=Alleinerziehende" in page.url
    return None


def open_not_found(page, site_server):
    response = page.goto("/diese-seite-gibt-es-nicht/")
    assert response.status == 404
    return response


def option_matching(select, word: str) -> str:
    labels = select.locator("option").all_inner_texts()
    matches = [label.strip() for label in labels if word.lower() in label.lower()]
    assert matches, f"no option containing {word!r} in {labels}"
    return matches[0]


PAGES = {
    "home": lambda page, server: open_page(page, server, "HomePage"),
    "standard-page": lambda page, server: open_page(page, server, "StandardPage"),
    "news-index": lambda page, server: open_page(page, server, "NewsIndexPage"),
    "news-page": lambda page, server: open_page(page, server, "NewsPage"),
    "partner-directory": lambda page, server: open_page(page, server, "PartnerDirectoryPage"),
    "partner-directory-filtered": open_filtered_directory,
    "partner-detail": open_partner_detail,
    "search-results": open_search_results,
    "accessibility-statement": lambda page, server: open_page(
        page, server, "AccessibilityStatementPage"
    ),
    "leichte-sprache": lambda page, server: open_page(page, server, "LeichteSprachePage"),
    "impressum": lambda page, server: page.goto(legal_page(server, "Impressum")["url"]),
    "datenschutz": lambda page, server: page.goto(legal_page(server, "Datenschutz")["url"]),
    "handout-index": lambda page, server: open_page(page, server, "HandoutIndexPage"),
    "handout": lambda page, server: open_page(page, server, "HandoutPage"),
}


@pytest.mark.parametrize("kind", PAGES)
def test_public_page_type_has_no_wcag_violations(kind, page, site_server, screenshot):
    response = PAGES[kind](page, site_server)
    if response is not None:
        assert response.status == 200, f"{kind}: {page.url} answered {response.status}"
    page.wait_for_load_state("load")
    assert page.locator("main").count() == 1, f"{kind}: {page.url} has no single <main>"
    screenshot(page, f"a11y-{kind}")
    assert_accessible(page, f"{kind} ({page.url})")


@pytest.mark.parametrize("kind", PAGES)
def test_public_page_type_reflows_at_320_css_pixels(kind, page, site_server):
    """WCAG 1.4.10 (Reflow): at 320 CSS px (400 % zoom) nothing scrolls sideways."""
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 640})
    PAGES[kind](page, site_server)
    problems = reflow_problems(page)
    assert not problems, f"{kind} ({page.url}) scrolls sideways:\n    " + "\n    ".join(problems)


def test_feedback_form_errors_are_accessible(page, site_server, screenshot):
    """The accessibility feedback form after an empty submission: errors linked and labelled."""
    open_page(page, site_server, "AccessibilityStatementPage")
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("senden", re.I)).click()
    alert = page.get_by_role("alert")
    assert alert.count() >= 1
    screenshot(page, "a11y-accessibility-statement-errors")
    assert_accessible(page, f"feedback form with errors ({page.url})")


def test_not_found_page_has_no_wcag_violations(page, site_server, screenshot):
    open_not_found(page, site_server)
    assert page.locator("main").count() == 1
    screenshot(page, "a11y-not-found")
    assert_accessible(page, f"404 page ({page.url})")


def restricted_handout(site_server) -> dict:
    return site_server.page_of_type("HandoutPage", public=False)


def open_handout_versions(page, site_server):
    page.goto("/konto/handlungsanleitungen/")
    title = restricted_handout(site_server)["title"]
    with page.expect_navigation():
        page.get_by_role("link", name=f"Versionen und Änderungen von {title}").first.click()


STAFF_PAGES = {
    "account-home": lambda page, server: page.goto("/konto/"),
    "handouts-area": lambda page, server: page.goto("/konto/handlungsanleitungen/"),
    "handout-versions": open_handout_versions,
    "restricted-handout": lambda page, server: page.goto(restricted_handout(server)["url"]),
}


def test_site_login_page_has_no_wcag_violations(page, site_server, screenshot):
    page.goto(restricted_handout(site_server)["url"])
    assert page.get_by_label(re.compile(r"^Passwort")).count() == 1
    screenshot(page, "a11y-site-login")
    assert_accessible(page, f"site login ({page.url})")
    page.get_by_role("button", name="Anmelden", exact=True).click()
    page.get_by_role("alert").wait_for()
    screenshot(page, "a11y-site-login-errors")
    assert_accessible(page, f"site login with errors ({page.url})")


@pytest.mark.parametrize("kind", STAFF_PAGES)
def test_partner_staff_page_has_no_wcag_violations(kind, page, site_server, screenshot):
    log_into_site(page, site_server.accounts["partner_staff"])
    response = STAFF_PAGES[kind](page, site_server)
    if response is not None:
        assert response.status == 200, f"{kind}: {page.url} answered {response.status}"
    assert page.locator("main").count() == 1
    screenshot(page, f"a11y-staff-{kind}")
    assert_accessible(page, f"{kind} ({page.url})")
