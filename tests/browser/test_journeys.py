"""Journeys through the real site in Chromium, with screenshots of the key screens."""

import re
import time

import pytest

from tests.browser.helpers import (
    assert_image_not_blank,
    focus_is_visible,
    log_into_admin,
    log_into_site,
    log_out_of_site,
    open_site_menu_if_collapsed,
    pdf_first_page_png,
    pdf_text,
    tab_until,
)

pytestmark = pytest.mark.browser

PDF_WAIT_SECONDS = 90
PASSWORD = re.compile(r"^Passwort")


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


def wait_for_link(page, name, seconds: int = PDF_WAIT_SECONDS, within=None):
    """Reload until the link appears: the PDF is rendered by the Celery worker."""
    deadline = time.monotonic() + seconds
    link = (within or page).get_by_role("link", name=name)
    while not link.count():
        assert time.monotonic() < deadline, f"no link {name!r} on {page.url} after {seconds}s"
        page.wait_for_timeout(1000)
        page.reload()
    return link.first


def download_pdf(page, link, download_dir, name: str) -> bytes:
    """Download the PDF behind ``link``, keep it and its first page as PNG; returns the bytes.

    A PDF sent as attachment is downloaded by clicking. One sent inline would open
    Chromium's viewer, so it is fetched with the page's cookies instead.
    """
    href = link.get_attribute("href")
    target = download_dir / f"{name}.pdf"
    response = page.request.get(href)
    assert response.ok, f"{href} answered {response.status}"
    assert response.headers.get("content-type", "").startswith("application/pdf"), href
    if "attachment" in response.headers.get("content-disposition", ""):
        with page.expect_download() as info:
            link.click()
        info.value.save_as(target)
    else:
        target.write_bytes(response.body())
    data = target.read_bytes()
    assert data.startswith(b"%PDF"), f"{href} is not a PDF"
    assert_image_not_blank(pdf_first_page_png(target, name))
    return data


# --------------------------------------------------------------------------- (c) reader


def test_reader_on_a_phone_finds_a_health_partner_and_downloads_the_summary(
    phone_page, site_server, screenshot, download_dir
):
    page = phone_page
    page.goto("/")
    screenshot(page, "journey-reader-1-home")

    directory = site_server.page_of_type("PartnerDirectoryPage")
    open_site_menu_if_collapsed(page)
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    with page.expect_navigation():
        nav.get_by_role("link", name=directory["title"]).click()
    assert page.url.endswith(directory["url"])
    screenshot(page, "journey-reader-2-directory")

    policy_field = choose_option(page.get_by_label("Politikfeld", exact=True), "Gesundheit")
    submit_filter(page)
    health_partners = listed_partners(page)
    assert health_partners, "no partner for Gesundheit"
    town = next(p["Ort"] for p in health_partners if p.get("Ort"))
    page.get_by_label("Ort", exact=True).select_option(label=town)
    submit_filter(page)
    partners = listed_partners(page)
    assert partners, f"no partner for {policy_field} in {town}"
    assert all(p["Ort"] == town and policy_field in p["Politikfelder"] for p in partners)
    assert page.get_by_label("Politikfeld", exact=True).input_value(), (
        "the filter forgot the policy field"
    )
    screenshot(page, "journey-reader-3-filtered")

    with page.expect_navigation():
        page.locator(".partner-list h3 a").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == partners[0]["name"]
    screenshot(page, "journey-reader-4-partner")

    with page.expect_navigation():
        page.get_by_role("banner").get_by_role("link", name=re.compile("UNA Elbe-Elster")).click()
    assert page.url == f"{site_server.url}/"
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
    box = page.evaluate("document.activeElement.getBoundingClientRect().toJSON()")
    assert box["width"] > 1 and box["height"] > 1 and box["top"] >= 0, f"skip link hidden: {box}"
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
    directory = site_server.page_of_type("PartnerDirectoryPage")
    page.goto(directory["url"])
    tab_until(page, lambda state: state["name"] == "bereich")
    labels = page.get_by_label("Politikfeld", exact=True).locator("option").all_inner_texts()
    health = next(label for label in labels if "Gesundheit" in label)
    page.keyboard.type(health[:4])
    assert "Gesundheit" in page.get_by_label("Politikfeld", exact=True).evaluate(
        "select => select.selectedOptions[0].text"
    )
    screenshot(page, "journey-keyboard-3-filter")
    tab_until(page, lambda state: state["tag"] == "button" and state["text"] == "Filtern")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "bereich=" in page.url
    assert listed_partners(page), "no partner listed after filtering by keyboard"


def test_site_login_form_works_with_the_keyboard(page, site_server, screenshot):
    account = site_server.accounts["partner_staff"]
    page.goto("/konto/anmelden/")
    tab_until(page, lambda state: state["name"] == "username")
    page.keyboard.type(account["username"])
    tab_until(page, lambda state: state["name"] == "password")
    page.keyboard.type(account["password"])
    submit = tab_until(page, lambda state: state["tag"] == "button")
    assert submit["text"] == "Anmelden", f"the next Tab stop after the password is {submit}"
    screenshot(page, "journey-keyboard-5-site-login")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/konto/anmelden/" not in page.url, "the keyboard login did not log in"


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


# --------------------------------------------------------------------------- (a) editor


def open_tab(page, name: str) -> None:
    """The page editor's tabs; the PDF status has one of its own."""
    page.get_by_role("tab", name=name, exact=True).click()


def pdf_versions(page) -> list[str]:
    return page.locator("[data-pdf-versions] a").evaluate_all("links => links.map(a => a.href)")


def publish(page) -> None:
    """Wagtail's footer: "Veröffentlichen" sits in the "Mehr Aktionen" dropdown."""
    button = page.locator("button[name=action-publish]")
    if not button.is_visible():
        page.get_by_role("button", name="Mehr Aktionen").click()
    with page.expect_navigation():
        button.click()


def test_editor_publishes_a_handout_and_downloads_the_new_pdf(
    page, site_server, screenshot, download_dir
):
    handout = site_server.page_of_type("HandoutPage", public=None)
    log_into_admin(page, site_server.accounts["editor"])
    screenshot(page, "journey-editor-1-dashboard")

    edit_url = f"/admin/pages/{handout['id']}/edit/"
    page.goto(edit_url)
    open_tab(page, "PDF")
    status = page.locator("[data-pdf-status]")
    expect_status(status, "fertig", timeout=PDF_WAIT_SECONDS * 1000)
    versions_before = pdf_versions(page)

    marker = f"Browsertest {time.strftime('%H%M%S')}: neue Fassung der Kurzbeschreibung"
    with site_server.worker_paused():
        open_tab(page, "Inhalt")
        page.get_by_role("textbox", name="Kurzbeschreibung").fill(marker)
        screenshot(page, "journey-editor-2-edited")
        publish(page)
        page.goto(edit_url)
        assert page.get_by_role("textbox", name="Kurzbeschreibung").input_value() == marker
        open_tab(page, "PDF")
        expect_status(status, "wartend")
        status.scroll_into_view_if_needed()
        screenshot(page, "journey-editor-3-status-pending")
    # No reload from here on: the panel's script polls the status.
    expect_status(status, "fertig", timeout=PDF_WAIT_SECONDS * 1000)
    page.wait_for_function(
        "n => document.querySelectorAll('[data-pdf-versions] a').length > n",
        arg=len(versions_before),
        timeout=10_000,
    )
    screenshot(page, "journey-editor-4-status-done")

    newest = page.locator("[data-pdf-versions] a").first
    assert newest.evaluate("a => a.href") not in versions_before, "no new version listed first"
    data = download_pdf(page, newest, download_dir, "journey-editor-handout")
    assert marker in " ".join(pdf_text(data).split())


def expect_status(locator, text: str, timeout: int = 10_000) -> None:
    from playwright.sync_api import expect

    expect(locator).to_be_visible()
    expect(locator).to_contain_text(text, timeout=timeout)


# --------------------------------------------------------------------------- (b) partner staff


def test_partner_staff_finds_a_handout_by_policy_field_and_loses_it_after_logout(
    page, site_server, screenshot, download_dir
):
    """A handout "nur für Partner-Mitarbeitende": login, find it by policy field, download it;
    after logout the same PDF URL is refused and the page asks for a login again."""
    handout = site_server.page_of_type("HandoutPage", public=False)
    title = handout["title"]

    page.goto(handout["url"])
    assert page.get_by_role("heading", level=1, name=title).count() == 0
    assert page.get_by_label(PASSWORD).count() == 1, "no login form for a guest"
    screenshot(page, "journey-partner-1-login")
    log_into_site(page, site_server.accounts["partner_staff"], start_url="")
    assert page.get_by_role("heading", level=1).inner_text() == title, "no way back after login"
    screenshot(page, "journey-partner-2-handout")

    page.goto("/konto/")
    with page.expect_navigation():
        page.get_by_role("link", name="Handlungsanleitungen für Netzwerkpartner").click()
    section = page.locator("section").filter(has=page.get_by_role("link", name=title)).first
    pdf_link_name = re.compile(rf"PDF herunterladen\s*:\s*{re.escape(title)}")
    link = wait_for_link(page, pdf_link_name, within=section)
    policy_field = section.get_by_role("heading", level=2).inner_text()
    toc = page.get_by_role("navigation", name="Politikfelder", exact=True)
    toc.get_by_role("link", name=policy_field, exact=True).click()
    assert page.url.endswith("#" + section.get_by_role("heading", level=2).get_attribute("id"))
    screenshot(page, "journey-partner-3-by-policy-field")
    pdf_url = link.get_attribute("href")
    data = download_pdf(page, link, download_dir, "journey-partner-handout")
    assert title.split()[0] in pdf_text(data)

    log_out_of_site(page)
    screenshot(page, "journey-partner-4-logged-out")
    refused = page.request.get(pdf_url)
    assert refused.status in (403, 404), f"{pdf_url} answered {refused.status} after logout"
    page.goto(handout["url"])
    assert page.get_by_role("heading", level=1, name=title).count() == 0
    assert page.get_by_label(PASSWORD).count() == 1


def test_editor_reads_a_restricted_handout_too(page, site_server):
    """The restriction admits the editors' groups as well (they write the handouts)."""
    handout = site_server.page_of_type("HandoutPage", public=False)
    log_into_admin(page, site_server.accounts["editor"])
    page.goto(handout["url"])
    assert page.get_by_role("heading", level=1).inner_text() == handout["title"]


# --------------------------------------------------------------------------- PDFs


def test_every_public_pdf_has_a_first_page_with_content(page, site_server, download_dir):
    """Each page offering a PDF links it; its first page, as PNG, is not blank."""
    offering = [
        p
        for p in site_server.pages
        if p["public"] and (p["offer_pdf"] or p["type"].endswith("HandoutPage"))
    ]
    assert offering, "no public page offers a PDF"
    for entry in offering:
        page.goto(entry["url"])
        link = wait_for_link(page, re.compile("als PDF herunterladen", re.I))
        data = download_pdf(page, link, download_dir, f"pdf-{entry['slug']}")
        first_word = entry["title"].split()[0]
        assert first_word in pdf_text(data), f"{entry['url']}: PDF lacks {first_word!r}"
