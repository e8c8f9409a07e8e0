"""Handout guidelines of the demo, published like an editor's (each publish enqueues a PDF).

The three guidelines refer to demo partners and contact points; one of them is
for partner staff only, which is why the group "Partner-Mitarbeitende" must exist.
"""

from __future__ import annotations

from wagtail.models import Page, Site

from accounts.roles import partner_staff_group
from demo import streams
from demo.content import handouts as content
from demo.publish import Changes, sync, sync_single
from documents.models import HandoutIndexPage, HandoutPage
from partners.models import ContactPoint, Partner, PolicyField


def index_page(changes: Changes, home: Page | None = None) -> HandoutIndexPage:
    """The one overview page of handouts (under the default site's root page)."""
    home = home or Site.objects.get(is_default_site=True).root_page
    values = {"title": content.INDEX_TITLE, "intro": content.INDEX_INTRO}
    return sync_single(HandoutIndexPage, home, content.INDEX_SLUG, values, changes)


def contacts(partner_slugs: list[str], contact_point_slugs: list[str]) -> list[dict]:
    """Contact blocks: the named partners, then the named contact points, each by name."""
    blocks = [
        streams.partner(p) for p in Partner.objects.filter(slug__in=partner_slugs).order_by("name")
    ]
    points = ContactPoint.objects.filter(slug__in=contact_point_slugs).order_by("name")
    return blocks + [streams.contact_point(point) for point in points]


def load(changes: Changes) -> str:
    partner_staff_group()
    index = index_page(changes)
    for spec in content.HANDOUTS:
        values = {
            "title": spec["title"],
            "target_group": spec["target_group"],
            "summary": spec["summary"],
            "only_for_partner_staff": spec["only_for_partner_staff"],
            "body": spec["body"],
            "contacts": contacts(spec["partners"], spec["contact_points"]),
            "policy_fields": list(PolicyField.objects.filter(slug__in=spec["policy_fields"])),
        }
        sync(HandoutPage, {"slug": spec["slug"]}, values, changes, parent=index)
    return f"Handlungsanleitungen: {len(content.HANDOUTS)}."
