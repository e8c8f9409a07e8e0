"""Links to a partner's entry in the public directory, for every template that names one.

The tag library is the site's, not partners': whether a reader may follow a link
depends on whether they may see the directory page, which documents.access
decides, and partners sits below documents in the layer order. Handout blocks,
the site search, partner lists and the directory's own templates load it.
"""

from __future__ import annotations

from django import template
from django.apps import apps

from documents.access import visible_pages

register = template.Library()


def partner_directory(request):
    """The published partner directory page the reader may see, or None."""
    directory_model = apps.get_model("partners", "PartnerDirectoryPage")
    user = getattr(request, "user", None)
    return visible_pages(user, directory_model.objects.live(), request).first()


def partner_page_url(request, partner) -> str:
    """The address of ``partner``'s entry in the directory, '' without one.

    The directory is looked up once per request, however many partners a page names
    (and for each call when rendering without a request, as block previews do).
    """
    if request is None:
        directory = partner_directory(None)
    else:
        if not hasattr(request, "_partner_directory"):
            request._partner_directory = partner_directory(request)
        directory = request._partner_directory
    return directory.partner_url(partner, request) if directory else ""


@register.simple_tag(takes_context=True)
def partner_url(context, partner) -> str:
    """The web page of a published partner; '' for drafts, without a directory, or in print.

    Print templates render without a request: a PDF names partners without linking them.
    """
    request = context.get("request")
    if request is None or partner is None or not partner.live:
        return ""
    return partner_page_url(request, partner)


@register.filter
def closing_period(text) -> str:
    """The full stop that ends a sentence after ``text``: '' if it ends with one ("… e.V.")."""
    return "" if str(text).rstrip().endswith((".", "!", "?", "…")) else "."


@register.filter
def tel_uri(phone) -> str:
    """The ``tel:`` link of a phone number as written: digits and a leading +, nothing else.

    Editors write numbers as people read them ("03531 / 7890", "… (Zentrale)"); a dialler
    given the text as it is would get spaces, slashes and words.
    """
    text = str(phone).strip()
    digits = "".join(char for char in text if char.isdigit())
    return f"tel:{'+' if text.startswith('+') else ''}{digits}"
