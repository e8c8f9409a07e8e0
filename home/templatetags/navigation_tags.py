"""Navigation for every page: main menu, breadcrumbs, footer links.

Everything is plain links, so the navigation works without JavaScript. Which
pages appear is decided by ``documents.access`` for the reader of the page.
"""

from __future__ import annotations

from django import template
from wagtail.models import Page, Site

from documents.access import visible_pages
from home.models import NavigationSettings

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


def _site(context) -> Site | None:
    request = context.get("request")
    return (
        Site.find_for_request(request)
        if request
        else Site.objects.filter(is_default_site=True).first()
    )


@register.simple_tag(takes_context=True)
def site_root(context) -> Page | None:
    site = _site(context)
    return site.root_page.specific if site else None


@register.inclusion_tag("home/includes/main_menu.html", takes_context=True)
def main_menu(context) -> dict:
    """The root's published children marked "Im Menü anzeigen"."""
    site = _site(context)
    page = context.get("page")
    request = context.get("request")
    items = site.root_page.get_children().live().in_menu() if site else Page.objects.none()
    items = visible_pages(_user(context), items, request)
    ancestor_ids = set(page.get_ancestors().values_list("pk", flat=True)) if page else set()
    return {"menu_items": items, "current_page": page, "ancestor_ids": ancestor_ids}


@register.inclusion_tag("home/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context) -> dict:
    page = context.get("page")
    site = _site(context)
    if page is None or site is None or page.pk == site.root_page_id:
        return {"ancestors": []}
    ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth).live()
    ancestors = visible_pages(_user(context), ancestors, context.get("request"))
    return {"ancestors": ancestors, "current_page": page}


@register.simple_tag(takes_context=True)
def footer_links(context) -> list:
    site = _site(context)
    if site is None:
        return []
    return NavigationSettings.for_site(site).footer_links(_user(context), context.get("request"))
