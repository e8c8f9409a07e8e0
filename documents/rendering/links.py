"""Links in PDFs: absolute addresses on the site or external http(s) addresses, nothing else.

The print HTML is laid out against the print host (``druck.una.invalid``, see
``fetcher.py``), so a relative link such as ``/dokumente/3/`` or a page link
would point there and be dead in the PDF. :func:`rewrite_links` runs on the
tree WeasyPrint parsed (the same parser, so no second reading can disagree),
before layout: every ``href`` is resolved against the page's own address; a
link that does not end up as http(s) on the site's host or on a public
external host becomes a ``<span>``: its text stays, the link goes.
``rel="attachment"`` is removed from every element, so neither ``<a>`` nor
``<link>`` can embed a file. :func:`remove_disallowed` checks the laid-out
document once more: it drops every file attachment and every link annotation
the rule would not produce.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urljoin, urlsplit

from .fetcher import PRINT_HOST

LINK_SCHEMES = ("http", "https")
# Names that never resolve on the public internet (RFC 6761, RFC 6762, common LAN suffixes).
PRIVATE_SUFFIXES = ("invalid", "local", "localhost", "internal", "test", "lan", "home", "arpa")
_URL_CONTROL = re.compile(r"[\t\n\r]")


def _public_host(host: str) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        labels = host.rstrip(".").split(".")
        return len(labels) > 1 and labels[-1] not in PRIVATE_SUFFIXES
    return address.is_global


def link_target(href: str, link_base: str | None) -> str | None:
    """What a link in the PDF points to, or None if the PDF shows only its text.

    ``link_base`` is the page's absolute address on its site (relative links
    resolve against it); without it only absolute external links survive.
    In-document anchors (``#abschnitt``) stay as they are.
    """
    href = _URL_CONTROL.sub("", href).strip()
    if href.startswith("#"):
        return href if len(href) > 1 else None
    try:
        target = urljoin(link_base or "", href)
        parts = urlsplit(target)
        if parts.hostname == PRINT_HOST and link_base:
            # Built against the print base URL: the same path on the site.
            target = urljoin(link_base, parts._replace(scheme="", netloc="").geturl())
            parts = urlsplit(target)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for an invalid port
    except ValueError:
        return None
    if parts.scheme not in LINK_SCHEMES or not host or parts.username or parts.password:
        return None
    site_host = urlsplit(link_base).hostname if link_base else None
    if host == site_host or _public_host(host):
        return target
    return None


def _without_attachment(rel: str) -> str:
    return " ".join(token for token in rel.split() if token.lower() != "attachment")


def rewrite_links(root, link_base: str | None) -> None:
    """Apply :func:`link_target` to every ``<a>``/``<area>`` of an ElementTree, in place."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        rel = element.get("rel")
        if rel is not None:
            if _without_attachment(rel):
                element.set("rel", _without_attachment(rel))
            else:
                del element.attrib["rel"]
        href = element.get("href")
        if href is None or element.tag not in ("a", "area"):
            continue
        target = link_target(href, link_base)
        if target is not None:
            element.set("href", target)
            continue
        del element.attrib["href"]
        if element.tag == "a":
            element.tag = "span"  # plain text, also in the PDF's structure tree (no /Link)


def remove_disallowed(document, link_base: str | None) -> None:
    """Drop attachments and any link the rule would not produce from a rendered Document."""
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [
            link
            for link in page.links
            if link[0] == "internal"
            or (link[0] == "external" and link_target(link[1], link_base) == link[1])
        ]
