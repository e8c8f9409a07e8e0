"""Links to a partner's entry in the public directory, for every template that names one."""

from __future__ import annotations

from django import template
from django.apps import apps

from documents.access import visible_pages

register = template.Library()


def partner_directory_url(request) -> str:
    """URL of the published partner directory page, '' if there is none."""
    directory_model = apps.get_model("partners", "PartnerDirectoryPage")
    user = getattr(request, "user", None)
    directory = visible_pages(user, directory_model.objects.live(), request).first()
    return directory.get_url(request) if directory else ""


@register.simple_tag(takes_context=True)
def partner_url(context, partner) -> str:
    """The web page of a published partner; '' for drafts, without a directory, or in print.

    Print templates render without a request: a PDF names partners without linking them.
    """
    request = context.get("request")
    if request is None or partner is None or not partner.live:
        return ""
    if not hasattr(request, "_partner_directory_url"):
        request._partner_directory_url = partner_directory_url(request)
    base_url = request._partner_directory_url
    return f"{base_url}{partner.slug}/" if base_url else ""


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
