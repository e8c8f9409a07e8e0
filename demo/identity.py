"""The PDFs' publisher details in the demo: sample publisher, placeholder logos.

Through the one rule of demo/publish.py like every other record; the logos are
placeholder graphics that say so and imitate no real mark.
"""

from __future__ import annotations

from wagtail.models import Site

from demo.content import identity as content
from demo.images import sync_image
from demo.publish import Changes, sync
from home.models import SiteSettings


def _logo(title: str, label: str):
    return sync_image(title, label, content.LOGO_CREDIT, f"{title}: kein echtes Logo")


def load(site: Site, changes: Changes) -> None:
    """Publisher, imprint, the network's logo and the funders' logos of the default site."""
    funders = [
        {"name": title, "logo": _logo(title, label), "sort_order": order}
        for order, (title, label) in enumerate(content.FUNDER_LOGOS)
    ]
    sync(
        SiteSettings,
        {"pk": SiteSettings.for_site(site).pk},
        {
            **content.PUBLISHER,
            "network_logo_id": _logo(*content.NETWORK_LOGO).pk,
            "funder_logos": funders,
        },
        changes,
    )
