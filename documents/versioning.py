"""Which "Stand" and "Version" a render prints, before the version exists.

Version numbers are assigned when a PDF is stored (the latest version + 1),
but the PDF must already print its number. The content hash leaves the stamp
out, so the rules can be decided from the latest version alone:

* content changed (hash differs from the latest version's): the PDF becomes
  the next version and is dated with this revision;
* content unchanged ("Neu erzeugen" of the same content): it prints the latest
  version's stamp, so the bytes come out the same and no new version is
  stored; only if they still differ (a newer WeasyPrint, for example) it is
  rendered once more as the next version.

So a PDF's number is always the number it is stored under, and republishing
unchanged content never creates a version just because the number would change.
"""

from __future__ import annotations

from wagtail.models import Revision

from documents.models import PdfVersion
from documents.rendering import PrintHtml, RenderedPdf, Stamp, render_revision


def next_stamp(latest: PdfVersion | None, revision: Revision) -> Stamp:
    return Stamp(date=revision.created_at, version=(latest.version if latest else 0) + 1)


def latest_stamp(latest: PdfVersion) -> Stamp:
    """The stamp ``latest`` was printed with: its number and its revision's date."""
    source = latest.revision
    return Stamp(date=source.created_at if source else latest.created_at, version=latest.version)


def stamp_for(latest: PdfVersion | None, revision: Revision, content_hash: str) -> Stamp:
    if latest is not None and latest.content_hash == content_hash:
        return latest_stamp(latest)
    return next_stamp(latest, revision)


def render_stamped(
    revision: Revision, print_html: PrintHtml, latest: PdfVersion | None
) -> RenderedPdf:
    """Render with the stamp the rules above give; the result prints its own version number."""
    stamp = stamp_for(latest, revision, print_html.content_hash)
    rendered = render_revision(revision, print_html.with_stamp(stamp))
    if latest is not None and stamp.version == latest.version and rendered.sha256 != latest.sha256:
        rendered = render_revision(revision, print_html.with_stamp(next_stamp(latest, revision)))
    return rendered
