"""The network's cooperation in Chromium: a partner member changes the entry, the
coordinator of its policy field approves or asks for changes, the public sees the change
only after approval, and a handout that names the partner gets a new PDF version."""

import time

import pytest

from tests.browser.helpers import log_into_admin, log_into_site, pdf_text

pytestmark = pytest.mark.browser

PUBLISH_WAIT_SECONDS = 120


def entry_form_submit(page, **fields) -> None:
    for name, value in fields.items():
        page.locator(f"#id_eintrag-{name}").fill(value)
    with page.expect_navigation():
        page.get_by_role("button", name="Änderung zur Freigabe einreichen").click()


def partner_url(site_server, slug: str) -> str:
    directory = site_server.page_of_type("PartnerDirectoryPage")
    return f"{directory['url']}{slug}/"


def moderate(page, partner_name: str, action: str, comment: str = "") -> None:
    """On the coordinator's dashboard: the entry's row in "Ihre Überprüfung steht aus", its
    actions menu, the action; with a comment through Wagtail's dialog."""
    page.goto("/admin/")
    row = page.locator("tr", has_text=partner_name).first
    row.get_by_role("button", name="Aktionen").click()
    button = row.get_by_role("button", name=action, exact=True)
    if not comment:
        with page.expect_navigation():
            button.click()
        return
    button.click()
    dialog = page.get_by_role("dialog")
    dialog.locator("textarea").fill(comment)
    with page.expect_navigation():
        dialog.locator("button[type=submit]").click()


def wait_for_text(page, url: str, text: str, seconds: int = PUBLISH_WAIT_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while True:
        page.goto(url)
        if text in page.content():
            return
        assert time.monotonic() < deadline, f"{text!r} not on {url} after {seconds}s"
        page.wait_for_timeout(1000)


def pdf_with(page, url: str, text: str, seconds: int = PUBLISH_WAIT_SECONDS) -> str:
    """Fetch the PDF at ``url`` until its text contains ``text`` (a worker renders it)."""
    deadline = time.monotonic() + seconds
    while True:
        response = page.request.get(url)
        if response.ok and text in (found := pdf_text(response.body())):
            return found
        assert time.monotonic() < deadline, f"no PDF at {url} with {text!r} after {seconds}s"
        page.wait_for_timeout(1000)


def test_a_change_is_public_only_after_the_coordinator_approves(
    browser_context, site_server, screenshot
):
    member_page = browser_context()
    log_into_site(member_page, site_server.accounts["member"])
    member_page.goto("/konto/eintrag/")
    new_phone = "03531 000777"
    entry_form_submit(member_page, phone=new_phone)
    assert "eingereicht am" in member_page.content()
    screenshot(member_page, "cooperation-1-submitted")

    public = browser_context()
    public_url = partner_url(site_server, site_server.accounts["member"]["partner_slug"])
    public.goto(public_url)
    assert new_phone not in public.content(), "the change is public before its approval"

    coordinator = browser_context()
    log_into_admin(coordinator, site_server.accounts["coordinator"])
    screenshot(coordinator, "cooperation-2-coordinator-dashboard")
    moderate(coordinator, site_server.accounts["member"]["partner_name"], "Freigeben")

    wait_for_text(public, public_url, new_phone)
    screenshot(public, "cooperation-3-public-entry")
    handout = site_server.accounts["member"]["handout_pdf"]
    assert new_phone in pdf_with(public, handout, new_phone)

    member_page.reload()
    assert "freigegeben am" in member_page.content()
    screenshot(member_page, "cooperation-4-approved")


def test_a_rejected_change_shows_the_coordinators_comment(browser_context, site_server, screenshot):
    member_page = browser_context(width=375)  # this member works on a phone
    account = site_server.accounts["member_health"]
    log_into_site(member_page, account)
    member_page.goto("/konto/eintrag/")
    entry_form_submit(member_page, email="falsch@beispiel.invalid")
    assert "eingereicht am" in member_page.content()

    coordinator = browser_context()
    log_into_admin(coordinator, site_server.accounts["coordinator_health"])
    comment = "Bitte die zentrale Adresse angeben, nicht eine persönliche."
    moderate(coordinator, account["partner_name"], "Änderungen anfordern", comment)

    member_page.reload()
    content = member_page.content()
    assert "Änderungen erbeten" in content
    assert comment in content
    screenshot(member_page, "cooperation-5-rejected")
    public = browser_context()
    public.goto(partner_url(site_server, account["partner_slug"]))
    assert "falsch@beispiel.invalid" not in public.content()
