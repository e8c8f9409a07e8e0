"""A new PDF version becomes a HandoutChange: detected once, summarised once.

The ledger row is written in the transaction that stores the version (post_save of
PdfVersion), so a version and its announcement exist together or not at all. Only
versions whose text differs from the version before count: a forced re-render of the
same content is no news. The first version of a handout is not announced either (a
new handout is no change of one).

The summary is the handouts area's "Was hat sich geändert?" (documents.diff). A
re-render caused by a changed partner or contact point shows no text change in the
handout's own revisions; the render job recorded which entry it was
(RenderJob.cause_name), and that is what the summary names.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.diff import ChangedLine, revision_diff
from documents.models import HandoutPage, PdfVersion, RenderJob
from notifications.models import HandoutChange

LABELS = {"added": "Neu", "removed": "Entfernt", "changed": "Geändert"}


def is_announced(version: PdfVersion) -> bool:
    """A handout's version whose text differs from the one before it."""
    if not HandoutPage.objects.filter(pk=version.page_id).exists():
        return False
    previous = (
        PdfVersion.objects.filter(page_id=version.page_id, version__lt=version.version)
        .order_by("-version")
        .first()
    )
    return previous is not None and previous.content_hash != version.content_hash


def record(version: PdfVersion) -> HandoutChange | None:
    """The change row of ``version``, created at most once (None if it is no change)."""
    if not is_announced(version):
        return None
    change, _created = HandoutChange.objects.get_or_create(
        pdf_version=version, defaults={"page_id": version.page_id, "version": version.version}
    )
    return change


def cause_of(version: PdfVersion) -> str:
    """Which entry changed, if a changed partner or contact point caused the version."""
    job = RenderJob.objects.filter(pdf_version=version).order_by("pk").first()
    if job is None or job.reason != RenderJob.Reason.DEPENDENCY or not job.cause_name:
        return ""
    return _("Geändert wurde der Eintrag „%(name)s“ (%(kind)s).") % {
        "name": job.cause_name,
        "kind": _kind(job.cause_model),
    }


def _kind(model_label: str) -> str:
    return {
        "partners.Partner": _("Netzwerkpartner"),
        "partners.ContactPoint": _("Anlaufstelle"),
    }.get(model_label, _("verknüpfter Eintrag"))


def line_text(line: ChangedLine) -> str:
    """One changed paragraph as plain text: [-gestrichen-] and [+eingefügt+]."""
    parts = []
    for op, text in line.segments:
        if op == "+":
            parts.append(f"[+{text.strip()}+] " if text.endswith(" ") else f"[+{text}+]")
        elif op == "-":
            parts.append(f"[-{text.strip()}-] " if text.endswith(" ") else f"[-{text}-]")
        else:
            parts.append(text)
    return f"{LABELS[line.kind]}: {''.join(parts).strip()}"


def summarise(change: HandoutChange) -> None:
    """Fill in the cause and both forms of the summary (text and HTML), once."""
    version = change.pdf_version
    previous = (
        PdfVersion.objects.filter(page_id=version.page_id, version__lt=version.version)
        .select_related("revision")
        .order_by("-version")
        .first()
    )
    lines = revision_diff(previous.revision if previous else None, version.revision)
    change.cause = cause_of(version)
    if lines:
        change.summary = "\n".join(f"- {line_text(line)}" for line in lines)
    elif lines is None:
        change.summary = _("Zu dieser Version liegen keine Angaben über Änderungen vor.")
    else:
        change.summary = _(
            "Der Text ist unverändert. Geändert haben sich verknüpfte Angaben (zum Beispiel "
            "die Anschrift eines Partners) oder die Gestaltung des PDFs."
        )
    change.summary_html = render_to_string(
        "notifications/_summary.html", {"lines": lines, "fallback": change.summary}
    )
    change.save(update_fields=["cause", "summary", "summary_html"])


def mark_fanned_out(change: HandoutChange) -> None:
    change.recipients_at = timezone.now()
    change.save(update_fields=["recipients_at"])
