"""Resolves a partner list block to the published partners it shows."""

from __future__ import annotations

from django import template
from django.apps import apps

from home.templatetags.partner_tags import partner_page_url

register = template.Library()


@register.simple_tag(takes_context=True)
def block_partners(context, value) -> list:
    """Chosen partners, else all partners of the chosen policy field; drafts never show.

    Each partner gets ``detail_url`` pointing at its entry in the directory.
    """
    partner_model = apps.get_model("partners", "Partner")
    chosen = [p for p in (value.get("partners") or []) if p is not None]
    if chosen:
        partners = [p for p in chosen if p.live]
    elif value.get("policy_field"):
        partners = list(partner_model.objects.live().filter(policy_fields=value["policy_field"]))
    else:
        partners = []
    request = context.get("request")
    for partner in partners:
        partner.detail_url = partner_page_url(request, partner)
    return partners
