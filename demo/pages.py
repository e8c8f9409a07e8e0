"""The website of the demo: home page, about pages, news, service pages, footer settings.

Every page goes through ``demo.publish.sync``; the HomePage becomes the root of the
default Site. The Site's address is not demo business: ``cms.sites`` gives it the
address of WAGTAILADMIN_BASE_URL on every migrate, in production too.
"""

from __future__ import annotations

import datetime
from typing import Any

from wagtail.models import Page, Site

from demo import identity, streams
from demo.content import identity as identity_content
from demo.content import site as content
from demo.images import sync_image
from demo.publish import Changes, sync, sync_single
from home.models import (
    AccessibilityStatementPage,
    HomePage,
    LegalPage,
    LeichteSprachePage,
    NavigationSettings,
    NewsIndexPage,
    NewsPage,
    SiteSettings,
    StandardPage,
)
from partners.models import Partner, PartnerDirectoryPage

HOME_SLUG = "start"


def home_page(changes: Changes) -> HomePage:
    """The HomePage, as the default site's root; Wagtail's welcome page goes."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first() or sync(
        HomePage, {"slug": HOME_SLUG}, {"title": content.HOME_TITLE}, changes, parent=root
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        # Wagtail's own placeholder record, as its first migration makes it.
        Site.objects.create(
            hostname="localhost", root_page=home, is_default_site=True, site_name="UNA Elbe-Elster"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save(update_fields=["root_page"])
    _remove_welcome_page(root, home)
    return home


def _remove_welcome_page(root: Page, home: HomePage) -> None:
    """Delete Wagtail's "Welcome" page if it is still the untouched plain Page."""
    for page in root.get_children().exact_type(Page).exclude(pk=home.pk):
        if page.numchild == 0 and not Site.objects.filter(root_page=page).exists():
            page.delete()


def partners(*slugs: str) -> list[Partner]:
    """The demo partners with these slugs, in this order (missing ones left out)."""
    by_slug = Partner.objects.in_bulk(slugs, field_name="slug")
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def about_pages(home: HomePage, changes: Changes) -> dict[str, StandardPage]:
    coordinators = partners(
        "jobcenter-elbe-elster", "eg-projektagentur", "eepl-gmbh", "horizont-sozialwerk"
    )
    about = sync(
        StandardPage,
        {"slug": "ueber-das-netzwerk"},
        {
            "title": "Über das Netzwerk",
            "show_in_menus": True,
            "intro": content.ABOUT_INTRO,
            "body": [
                streams.paragraph(content.ABOUT_BODY),
                streams.partner_list("Die vier koordinierenden Organisationen", coordinators),
                streams.paragraph(content.ABOUT_RULES_TEASER),
            ],
        },
        changes,
        parent=home,
    )
    summary = sync(
        StandardPage,
        {"slug": "kurzfassung"},
        {
            "title": "Kurzfassung",
            "offer_pdf": True,
            "intro": content.SUMMARY_INTRO,
            "pdf_intro": identity_content.SUMMARY_PDF_INTRO,
            "body": [streams.paragraph(content.SUMMARY_BODY)],
        },
        changes,
        parent=about,
    )
    rules = sync(
        StandardPage,
        {"slug": "regeln-der-zusammenarbeit"},
        {
            "title": "Regeln der Zusammenarbeit",
            "intro": content.RULES_INTRO,
            "body": [streams.paragraph(content.RULES_BODY)],
        },
        changes,
        parent=about,
    )
    return {"about": about, "summary": summary, "rules": rules}


def gallery() -> list[dict[str, Any]]:
    """Gallery rows; the credit stays on the image, so the row's own credit is empty."""
    rows = []
    for number, (caption, credit, label) in enumerate(content.CLOSING_PHOTOS, start=1):
        image = sync_image(
            title=f"Abschlussveranstaltung 26.02.2013, Foto {number} (Platzhalter)",
            label=label,
            credit=credit,
            description=f"Platzhaltergrafik für ein Foto der Abschlussveranstaltung: {label}",
        )
        alt = f"Platzhaltergrafik: {caption or label}"
        rows.append({"image_id": image.pk, "alt_text": alt, "caption": caption, "credit": ""})
    return rows


def news(home: HomePage, changes: Changes) -> dict[str, Page]:
    index = sync(
        NewsIndexPage,
        {"slug": "aktuelles"},
        {"title": "Aktuelles", "show_in_menus": True, "intro": content.NEWS_INDEX_INTRO},
        changes,
        parent=home,
    )
    closing = sync(
        NewsPage,
        {"slug": "abschlussveranstaltung"},
        {
            "title": "UNA – Erfolgreiche Abschlussveranstaltung",
            "date": datetime.date(2013, 2, 26),
            "place": "Finsterwalde",
            "intro": content.CLOSING_INTRO,
            "body": [
                streams.paragraph(content.CLOSING_BODY),
                streams.partner_list(
                    "Besuchte Netzwerkpartner",
                    partners("sanitaetshaus-kroeger", "lebenshilfe-finsterwalde"),
                ),
                streams.paragraph(content.CLOSING_FILM),
            ],
            "talks": [],
            "gallery_images": gallery(),
        },
        changes,
        parent=index,
    )
    meetings = sync(
        NewsPage,
        {"slug": "netzwerktreffen"},
        {
            "title": "Netzwerktreffen: Vorträge und Austausch",
            "date": datetime.date(2013, 3, 31),
            "place": "Landkreis Elbe-Elster",
            "intro": content.MEETINGS_INTRO,
            "body": [streams.paragraph(content.MEETINGS_BODY)],
            "talks": [streams.talk(title) for title in content.TALK_TITLES],
        },
        changes,
        parent=index,
    )
    offers = sync(
        NewsPage,
        {"slug": "ansprechpersonen-und-angebote"},
        {
            "title": "Ansprechpersonen im Jobcenter und neue Angebote",
            "date": datetime.date(2013, 1, 1),
            "place": "Finsterwalde, Herzberg und Bad Liebenwerda",
            "intro": content.OFFERS_INTRO,
            "body": [
                streams.paragraph(content.OFFERS_BODY),
                streams.partner_list(
                    "Beteiligte Netzwerkpartner",
                    partners("jobcenter-elbe-elster", "ibs-cemes", "sanitaetshaus-kroeger"),
                ),
            ],
            "talks": [],
        },
        changes,
        parent=index,
    )
    return {"index": index, "closing": closing, "meetings": meetings, "offers": offers}


def service_pages(home: HomePage, changes: Changes) -> dict[str, Page]:
    def legal(slug: str, title: str, body: str) -> LegalPage:
        values = {"title": title, "body": body, "last_updated": content.LEGAL_DATE}
        return sync(LegalPage, {"slug": slug}, values, changes, parent=home)

    accessibility = sync(
        AccessibilityStatementPage,
        {"slug": "barrierefreiheit"},
        {
            "title": "Erklärung zur Barrierefreiheit",
            "body": content.ACCESSIBILITY,
            "form_intro": content.ACCESSIBILITY_FORM_INTRO,
        },
        changes,
        parent=home,
    )
    easy = sync(
        LeichteSprachePage,
        {"slug": "leichte-sprache"},
        {"title": "Leichte Sprache", "body": content.EASY_LANGUAGE},
        changes,
        parent=home,
    )
    return {
        "impressum": legal("impressum", "Impressum", content.IMPRESSUM),
        "privacy": legal("datenschutz", "Datenschutz", content.PRIVACY),
        "accessibility": accessibility,
        "easy": easy,
    }


def directory(home: HomePage, changes: Changes) -> Page:
    """The partner directory; one an editor moved elsewhere stays where it is."""
    values = {
        "title": "Partnerverzeichnis",
        "show_in_menus": True,
        "intro": content.DIRECTORY_INTRO,
    }
    return sync_single(PartnerDirectoryPage, home, "partner", values, changes)


def site_settings(site: Site, service: dict[str, Page], changes: Changes) -> None:
    settings_values = [
        (SiteSettings, {"funding_notice": content.FUNDING_NOTICE}),
        (
            NavigationSettings,
            {
                "impressum_page_id": service["impressum"].pk,
                "privacy_page_id": service["privacy"].pk,
                "accessibility_page_id": service["accessibility"].pk,
                "easy_language_page_id": service["easy"].pk,
            },
        ),
    ]
    for model, values in settings_values:
        sync(model, {"pk": model.for_site(site).pk}, values, changes)
    identity.load(site, changes)


def load(changes: Changes) -> str:
    """The home page and every demo page, published; footer settings of the default site."""
    home = home_page(changes)
    about = about_pages(home, changes)
    news_pages = news(home, changes)
    partner_directory = directory(home, changes)
    service = service_pages(home, changes)
    hero = sync_image(
        "Titelbild Netzwerk (Platzhalter)",
        "Netzwerk für Alleinerziehende",
        "Grafik: Platzhalter",
        "Platzhaltergrafik für das Titelbild des Netzwerks",
    )
    sync(
        HomePage,
        {"pk": home.pk},
        {
            "title": content.HOME_TITLE,
            "intro": content.HOME_INTRO,
            "hero_image_id": hero.pk,
            "featured_news_id": news_pages["closing"].pk,
            "teasers": [
                streams.call_to_action(
                    "Über das Netzwerk", content.TEASER_ABOUT, about["about"], "Mehr erfahren"
                ),
                streams.call_to_action(
                    "Partner finden", content.TEASER_DIRECTORY, partner_directory, "Zum Verzeichnis"
                ),
                streams.call_to_action(
                    "Kurzfassung", content.TEASER_SUMMARY, about["summary"], "Zur Kurzfassung"
                ),
            ],
        },
        changes,
    )
    site_settings(Site.objects.get(is_default_site=True), service, changes)
    return f"Website: {Page.objects.descendant_of(home, inclusive=True).count()} Seiten."
