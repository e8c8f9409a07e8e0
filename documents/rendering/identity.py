"""Who publishes a PDF: the network's logo, publisher, imprint and funding notice.

The values live in the site settings of the website app (``home``), which sits
above ``documents`` in the layer order; so the renderer asks a Wagtail hook,
``documents_print_identity``, that the website app registers. Without the
hook (or without a site) a PDF still carries the network's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django.db import models
from wagtail import hooks
from wagtail.models import Page

from documents import access

IDENTITY_HOOK = "documents_print_identity"
NETWORK_NAME = "Unterstützungsnetzwerk für Alleinerziehende im Landkreis Elbe-Elster"


@dataclass(frozen=True)
class Funder:
    """A funder's name (the logo's alternative text) and logo."""

    name: str
    logo: models.Model | None = None


@dataclass(frozen=True)
class PrintIdentity:
    network_name: str = NETWORK_NAME
    logo: models.Model | None = None
    publisher_name: str = ""
    publisher_address: str = ""
    imprint: str = ""
    funding_notice: str = ""
    funders: tuple[Funder, ...] = field(default_factory=tuple)

    def images(self) -> list[models.Model]:
        """The images a render of this identity embeds, for the fetcher's allow-list."""
        found = [self.logo] if self.logo else []
        return found + [funder.logo for funder in self.funders if funder.logo]

    def embeddable_in(self, page: Page) -> PrintIdentity:
        """This identity without the logos that must not appear in ``page``'s PDF.

        The same rule as for the page's own images (:func:`access.may_embed_in_pdf`):
        a logo from a restricted collection stays out of a public PDF.
        """

        def allowed(image):
            return image if image is not None and access.may_embed_in_pdf(image, page) else None

        funders = tuple(replace(funder, logo=allowed(funder.logo)) for funder in self.funders)
        return replace(self, logo=allowed(self.logo), funders=funders)


def print_identity(page: Page) -> PrintIdentity:
    """The identity of the site ``page`` belongs to, as the registered hook reports it."""
    site = page.get_site()
    if site is not None:
        for provider in hooks.get_hooks(IDENTITY_HOOK):
            identity = provider(site)
            if identity is not None:
                return identity.embeddable_in(page)
    return PrintIdentity()
