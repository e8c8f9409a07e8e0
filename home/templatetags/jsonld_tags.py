"""schema.org JSON-LD for pages: ``{% load jsonld_tags %}{% page_jsonld page %}``.

News items become a NewsArticle about an Event (date and place of the
meeting), the home page a WebSite, every other page a WebPage. The JSON is
escaped so that no text an editor writes can close the script element.
Private and restricted pages get nothing, so their titles never appear in
machine-readable form on a shared cache.
"""

from typing import Any

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from documents.access import can_list_page
from home.models import HomePage, NewsPage
from security.jsonld import dump_jsonld

register = template.Library()


def _site(page, request) -> dict[str, Any]:
    site = page.get_site()
    root = site.root_page.get_full_url(request) if site else None
    data: dict[str, Any] = {"@type": "WebSite", "name": settings.WAGTAIL_SITE_NAME}
    if root:
        data["url"] = root
    return data


def _images(page, request) -> list[str]:
    urls = []
    for item in page.gallery_images.select_related("image"):
        try:
            rendition = item.image.get_rendition("max-1200x900")
        except Exception:  # noqa: S112 - a broken image file must not break the page
            continue
        urls.append(request.build_absolute_uri(rendition.url) if request else rendition.url)
    return urls


def _news(page, request, url: str | None) -> dict[str, Any]:
    publisher = {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME}
    event: dict[str, Any] = {
        "@type": "Event",
        "name": page.title,
        "startDate": page.date.isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": publisher,
    }
    if page.place:
        event["location"] = {
            "@type": "Place",
            "name": page.place,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": page.place,
                "addressRegion": "Brandenburg",
                "addressCountry": "DE",
            },
        }
    article: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "inLanguage": "de",
        "publisher": publisher,
        "about": event,
    }
    if page.intro:
        article["description"] = event["description"] = page.intro
    if page.first_published_at:
        article["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        article["dateModified"] = page.last_published_at.isoformat()
    if url:
        article["url"] = event["url"] = url
    if images := _images(page, request):
        article["image"] = event["image"] = images
    return article


def page_data(page, request=None) -> dict[str, Any] | None:
    """The schema.org description of ``page``, or None for pages that should have none."""
    page = page.specific
    if not can_list_page(None, page):
        return None
    url = page.get_full_url(request)
    if isinstance(page, HomePage):
        data = _site(page, request)
        data["inLanguage"] = "de"
    elif isinstance(page, NewsPage):
        data = _news(page, request, url)
    else:
        data = {
            "@type": "WebPage",
            "name": page.title,
            "inLanguage": "de",
            "isPartOf": _site(page, request),
        }
        description = page.search_description or getattr(page, "intro", "")
        if isinstance(description, str) and description and "<" not in description:
            data["description"] = description
        if page.last_published_at:
            data["dateModified"] = page.last_published_at.isoformat()
        if url:
            data["url"] = url
    return {"@context": "https://schema.org", **data}


@register.simple_tag(takes_context=True)
def page_jsonld(context, page=None) -> SafeString:
    """``<script type="application/ld+json">`` for the page, or nothing."""
    page = page or context.get("page")
    if page is None or not hasattr(page, "specific"):
        return mark_safe("")
    data = page_data(page, context.get("request"))
    if data is None:
        return mark_safe("")
    return format_html('<script type="application/ld+json">{}</script>', dump_jsonld(data))
