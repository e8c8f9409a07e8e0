"""Demo content of the website, taken from the network's old web page.

Idempotent: pages are found by parent and slug, and a page only gets a new
published revision when its content differs from the demo data. Images are
found by title. A second run changes nothing.

The photos of the closing event are placeholder graphics (generated with
Pillow in the site's own font) that carry the original captions and
photographer credits.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
from typing import Any, TextIO

from django.apps import apps
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.core.files.images import ImageFile
from django.db import models
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from home import demo_content as content
from home.models import (
    AccessibilityStatementPage,
    CustomImage,
    HomePage,
    LegalPage,
    LeichteSprachePage,
    NavigationSettings,
    NewsIndexPage,
    NewsPage,
    NewsPageGalleryImage,
    SiteSettings,
    StandardPage,
)

HOME_SLUG = "start"
SYNTHETIC_PARENT_SLUG = "testdaten"


# --- generic helpers ---------------------------------------------------------


def _strip_ids(data: Any) -> Any:
    """Block data without the random block ids, for comparing content."""
    if isinstance(data, dict):
        return {key: _strip_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_strip_ids(item) for item in data]
    return data


def _canonical_stream(value) -> list:
    """StreamValue -> JSON-ish data in one normal form (no ids, all defaults filled)."""
    return [_strip_ids(child.get_prep_value()) for child in value] if value else []


def _differs(page: Page, name: str, wanted: Any) -> bool:
    field = page._meta.get_field(name.removesuffix("_id")) if name.endswith("_id") else None
    if field is None:
        field = page._meta.get_field(name)
    current = getattr(page, name)
    if isinstance(field, StreamField):
        return _canonical_stream(current) != _canonical_stream(field.to_python(wanted))
    return current != wanted


def _gallery_key(items) -> list[tuple]:
    return [(i.image_id, i.alt_text, i.caption, i.credit) for i in items]


def sync_page(
    parent: Page,
    model: type[Page],
    slug: str,
    values: dict[str, Any],
    gallery: list[dict[str, Any]] | None = None,
) -> Page:
    """Create or update a child page of ``parent``; publish only when something changed."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    created = page is None
    if created:
        page = model(slug=slug, **values)
        parent.add_child(instance=page)
        changed = True
    else:
        changed = any(_differs(page, name, value) for name, value in values.items())
        for name, value in values.items():
            setattr(page, name, value)
    if gallery is not None:
        wanted = [NewsPageGalleryImage(**item) for item in gallery]
        if created or _gallery_key(page.gallery_images.all()) != _gallery_key(wanted):
            page.gallery_images = wanted
            changed = True
    if changed or not page.live or page.has_unpublished_changes:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def _sync_setting(setting: models.Model, values: dict[str, Any]) -> None:
    if any(getattr(setting, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(setting, name, value)
        setting.save()


# --- placeholder images -------------------------------------------------------

# The site's own font, shipped in its static files: it has every German glyph and draws
# the same on every machine (Pillow's built-in font has no "ü").
PLACEHOLDER_FONTS = {
    "regular": "fonts/source-sans-3-latin-400-normal.woff2",
    "bold": "fonts/source-sans-3-latin-700-normal.woff2",
}
PLACEHOLDER_PREFIX = "platzhalter-"


def placeholder_font(size: int, weight: str = "regular") -> ImageFont.FreeTypeFont:
    path = finders.find(PLACEHOLDER_FONTS[weight])
    if not path:
        raise ImproperlyConfigured(f"Schrift fehlt in den statischen Dateien: {PLACEHOLDER_FONTS}")
    return ImageFont.truetype(path, size)


def _fitting_font(draw: ImageDraw.ImageDraw, text: str, width: int, size: int):
    font = placeholder_font(size)
    while size > 20 and draw.textlength(text, font=font) > width:
        size -= 2
        font = placeholder_font(size)
    return font


def _placeholder_png(label: str, width: int = 1200, height: int = 800) -> bytes:
    """A plain graphic that says it is a placeholder; the tint follows the label."""
    shade = int(hashlib.sha256(label.encode()).hexdigest()[:2], 16) % 24
    image = PILImage.new("RGB", (width, height), (222 - shade, 234 - shade // 2, 238))
    draw = ImageDraw.Draw(image)
    draw.rectangle((24, 24, width - 25, height - 25), outline=(0, 90, 112), width=4)
    draw.line((24, 24, width - 25, height - 25), fill=(150, 174, 182), width=3)
    draw.line((24, height - 25, width - 25, 24), fill=(150, 174, 182), width=3)
    box = (110, height // 2 - 120, width - 110, height // 2 + 120)
    draw.rectangle(box, fill=(255, 255, 255), outline=(0, 90, 112), width=2)
    centre = width // 2
    draw.text(
        (centre, height // 2 - 48),
        "PLATZHALTER",
        font=placeholder_font(40, "bold"),
        fill=(0, 90, 112),
        anchor="mm",
    )
    text = label[:60]
    font = _fitting_font(draw, text, box[2] - box[0] - 60, 54)
    draw.text((centre, height // 2 + 36), text, font=font, fill=(29, 29, 31), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def _is_demo_placeholder(image: CustomImage) -> bool:
    return os.path.basename(image.file.name).startswith(PLACEHOLDER_PREFIX)


def sync_image(title: str, label: str, credit: str, description: str = "") -> CustomImage:
    """Find the placeholder image by title; keep its graphic, credit and description current.

    A graphic drawn by an older version of the demo is drawn again; a file an
    editor uploaded in its place is left alone.
    """
    image = CustomImage.objects.filter(title=title).first() or CustomImage(title=title)
    changed = (image.credit, image.description) != (credit, description)
    image.credit, image.description = credit, description
    if image.pk is None or _is_demo_placeholder(image):
        png = _placeholder_png(label)
        digest = hashlib.sha1(png).hexdigest()  # noqa: S324 - Wagtail's file_hash is SHA-1
        if image.pk is None or image.get_file_hash() != digest:
            _replace_file(image, png, digest)
            changed = True
    if changed:
        image.save()
    return image


def _replace_file(image: CustomImage, png: bytes, digest: str) -> None:
    if image.pk is not None:
        image.renditions.all().delete()
        image.file.delete(save=False)
    slug = hashlib.sha256(image.title.encode()).hexdigest()[:12]
    image.file = ImageFile(io.BytesIO(png), name=f"{PLACEHOLDER_PREFIX}{slug}.png")
    image.file_hash, image.file_size = digest, len(png)


# --- the site -----------------------------------------------------------------


def sync_home_page() -> HomePage:
    """The HomePage becomes the default site's root; Wagtail's welcome page goes."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(slug=HOME_SLUG, title=content.HOME_TITLE)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="UNA Elbe-Elster",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    _remove_welcome_page(root, home)
    return home


def _remove_welcome_page(root: Page, home: HomePage) -> None:
    """Delete Wagtail's "Welcome" page if it is still the untouched plain Page."""
    for page in root.get_children().exact_type(Page).exclude(pk=home.pk):
        if page.numchild == 0 and not Site.objects.filter(root_page=page).exists():
            page.delete()


def _partner_ids(*slugs: str) -> list[int]:
    partner_model = apps.get_model("partners", "Partner")
    by_slug = dict(partner_model.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def _partner_list(heading: str, *slugs: str) -> dict:
    return {
        "type": "partner_list",
        "value": {"heading": heading, "partners": _partner_ids(*slugs), "policy_field": None},
    }


def _paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def _cta(title: str, text: str, page: Page, link_text: str) -> dict:
    return {
        "type": "call_to_action",
        "value": {
            "title": title,
            "text": text,
            "link_page": page.pk,
            "link_url": "",
            "link_text": link_text,
        },
    }


def load_about_pages(home: HomePage) -> dict[str, StandardPage]:
    about = sync_page(
        home,
        StandardPage,
        "ueber-das-netzwerk",
        {
            "title": "Über das Netzwerk",
            "show_in_menus": True,
            "intro": content.ABOUT_INTRO,
            "body": [
                _paragraph(content.ABOUT_BODY),
                _partner_list(
                    "Die vier koordinierenden Organisationen",
                    "jobcenter-elbe-elster",
                    "eg-projektagentur",
                    "eepl-gmbh",
                    "horizont-sozialwerk",
                ),
                _paragraph(content.ABOUT_RULES_TEASER),
            ],
        },
    )
    summary = sync_page(
        about,
        StandardPage,
        "kurzfassung",
        {
            "title": "Kurzfassung",
            "offer_pdf": True,
            "intro": content.SUMMARY_INTRO,
            "body": [_paragraph(content.SUMMARY_BODY)],
        },
    )
    rules = sync_page(
        about,
        StandardPage,
        "regeln-der-zusammenarbeit",
        {
            "title": "Regeln der Zusammenarbeit",
            "intro": content.RULES_INTRO,
            "body": [_paragraph(content.RULES_BODY)],
        },
    )
    return {"about": about, "summary": summary, "rules": rules}


def load_gallery_images() -> list[dict[str, Any]]:
    """Gallery rows; the credit stays on the image, so the row's own credit is empty."""
    items = []
    for number, (caption, credit, label) in enumerate(content.CLOSING_PHOTOS, start=1):
        image = sync_image(
            title=f"Abschlussveranstaltung 26.02.2013, Foto {number} (Platzhalter)",
            label=label,
            credit=credit,
            description=f"Platzhaltergrafik für ein Foto der Abschlussveranstaltung: {label}",
        )
        alt = f"Platzhaltergrafik: {caption or label}"
        items.append({"image_id": image.pk, "alt_text": alt, "caption": caption, "credit": ""})
    return items


def load_news(home: HomePage) -> dict[str, NewsPage]:
    index = sync_page(
        home,
        NewsIndexPage,
        "aktuelles",
        {"title": "Aktuelles", "show_in_menus": True, "intro": content.NEWS_INDEX_INTRO},
    )
    closing = sync_page(
        index,
        NewsPage,
        "abschlussveranstaltung",
        {
            "title": "UNA – Erfolgreiche Abschlussveranstaltung",
            "date": datetime.date(2013, 2, 26),
            "place": "Finsterwalde",
            "intro": content.CLOSING_INTRO,
            "body": [
                _paragraph(content.CLOSING_BODY),
                _partner_list(
                    "Besuchte Netzwerkpartner", "sanitaetshaus-kroeger", "lebenshilfe-finsterwalde"
                ),
                _paragraph(content.CLOSING_FILM),
            ],
            "talks": [],
        },
        gallery=load_gallery_images(),
    )
    meetings = sync_page(
        index,
        NewsPage,
        "netzwerktreffen",
        {
            "title": "Netzwerktreffen: Vorträge und Austausch",
            "date": datetime.date(2013, 3, 31),
            "place": "Landkreis Elbe-Elster",
            "intro": content.MEETINGS_INTRO,
            "body": [_paragraph(content.MEETINGS_BODY)],
            "talks": [
                {"type": "talk", "value": {"title": title, "speaker": ""}}
                for title in content.TALK_TITLES
            ],
        },
    )
    offers = sync_page(
        index,
        NewsPage,
        "ansprechpersonen-und-angebote",
        {
            "title": "Ansprechpersonen im Jobcenter und neue Angebote",
            "date": datetime.date(2013, 1, 1),
            "place": "Finsterwalde, Herzberg und Bad Liebenwerda",
            "intro": content.OFFERS_INTRO,
            "body": [
                _paragraph(content.OFFERS_BODY),
                _partner_list(
                    "Beteiligte Netzwerkpartner",
                    "jobcenter-elbe-elster",
                    "ibs-cemes",
                    "sanitaetshaus-kroeger",
                ),
            ],
            "talks": [],
        },
    )
    return {"index": index, "closing": closing, "meetings": meetings, "offers": offers}


def load_service_pages(home: HomePage) -> dict[str, Page]:
    impressum = sync_page(
        home,
        LegalPage,
        "impressum",
        {"title": "Impressum", "body": content.IMPRESSUM, "last_updated": content.LEGAL_DATE},
    )
    privacy = sync_page(
        home,
        LegalPage,
        "datenschutz",
        {"title": "Datenschutz", "body": content.PRIVACY, "last_updated": content.LEGAL_DATE},
    )
    accessibility = sync_page(
        home,
        AccessibilityStatementPage,
        "barrierefreiheit",
        {
            "title": "Erklärung zur Barrierefreiheit",
            "body": content.ACCESSIBILITY,
            "form_intro": content.ACCESSIBILITY_FORM_INTRO,
        },
    )
    easy = sync_page(
        home,
        LeichteSprachePage,
        "leichte-sprache",
        {"title": "Leichte Sprache", "body": content.EASY_LANGUAGE},
    )
    return {
        "impressum": impressum,
        "privacy": privacy,
        "accessibility": accessibility,
        "easy": easy,
    }


def load_directory(home: HomePage) -> Page:
    directory_model = apps.get_model("partners", "PartnerDirectoryPage")
    existing = directory_model.objects.first()
    parent = existing.get_parent() if existing else home
    slug = existing.slug if existing else "partner"
    return sync_page(
        parent,
        directory_model,
        slug,
        {"title": "Partnerverzeichnis", "show_in_menus": True, "intro": content.DIRECTORY_INTRO},
    )


def load_site_settings(site: Site, service: dict[str, Page]) -> None:
    _sync_setting(SiteSettings.for_site(site), {"funding_notice": content.FUNDING_NOTICE})
    _sync_setting(
        NavigationSettings.for_site(site),
        {
            "impressum_page_id": service["impressum"].pk,
            "privacy_page_id": service["privacy"].pk,
            "accessibility_page_id": service["accessibility"].pk,
            "easy_language_page_id": service["easy"].pk,
        },
    )


def load(stdout: TextIO) -> None:
    """The home page and every demo page, published; footer settings of the default site."""
    home = sync_home_page()
    about = load_about_pages(home)
    news = load_news(home)
    directory = load_directory(home)
    service = load_service_pages(home)
    hero = sync_image(
        "Titelbild Netzwerk (Platzhalter)",
        "Netzwerk für Alleinerziehende",
        "Grafik: Platzhalter",
        "Platzhaltergrafik für das Titelbild des Netzwerks",
    )
    sync_page(
        home.get_parent(),
        HomePage,
        home.slug,
        {
            "title": content.HOME_TITLE,
            "intro": content.HOME_INTRO,
            "hero_image_id": hero.pk,
            "featured_news_id": news["closing"].pk,
            "teasers": [
                _cta("Über das Netzwerk", content.TEASER_ABOUT, about["about"], "Mehr erfahren"),
                _cta("Partner finden", content.TEASER_DIRECTORY, directory, "Zum Verzeichnis"),
                _cta("Kurzfassung", content.TEASER_SUMMARY, about["summary"], "Zur Kurzfassung"),
            ],
        },
    )
    load_site_settings(Site.objects.get(is_default_site=True), service)
    stdout.write(f"Website: {Page.objects.descendant_of(home, inclusive=True).count()} Seiten.\n")


def load_synthetic(n: int, stdout: TextIO) -> None:
    """N clearly labelled example pages under a "Testdaten" page."""
    home = sync_home_page()
    parent = sync_page(
        home,
        StandardPage,
        SYNTHETIC_PARENT_SLUG,
        {"title": "Testdaten", "intro": "Beispielseiten für Last- und Layouttests."},
    )
    for i in range(1, n + 1):
        sync_page(
            parent,
            StandardPage,
            f"beispielseite-{i:03d}",
            {
                "title": f"Beispielseite {i:03d} (Testdaten)",
                "intro": "Diese Seite ist ein Beispiel und gehört nicht zum Netzwerk.",
                "body": [_paragraph(content.SYNTHETIC_BODY)],
            },
        )
    stdout.write(f"Website: {n} Beispielseiten (Testdaten).\n")
