"""The handouts area for partner staff: guidelines by policy field, versions, changes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils.translation import gettext as _

from documents.access import visible_pages
from documents.models import HandoutPage, PdfVersion
from partners.staff.diff import ChangedLine, revision_diff

MAX_VERSIONS = 50


@dataclass
class HandoutEntry:
    page: HandoutPage
    versions: list[PdfVersion] = field(default_factory=list)

    @property
    def latest(self) -> PdfVersion | None:
        return self.versions[0] if self.versions else None


@dataclass
class PolicyFieldGroup:
    name: str
    slug: str
    handouts: list[HandoutEntry]


@dataclass
class VersionEntry:
    version: PdfVersion
    changes: list[ChangedLine] | None
    is_first: bool


def readable_handouts(request: HttpRequest):
    return visible_pages(request.user, HandoutPage.objects.live(), request).order_by("title")


def grouped_handouts(request: HttpRequest) -> list[PolicyFieldGroup]:
    """Every handout the user may read, under each of its policy fields."""
    pages = list(readable_handouts(request).prefetch_related("policy_fields"))
    versions: dict[int, list[PdfVersion]] = defaultdict(list)
    for version in PdfVersion.objects.filter(page_id__in=[p.pk for p in pages]).order_by(
        "-version"
    ):
        versions[version.page_id].append(version)
    groups: dict[str, PolicyFieldGroup] = {}
    order: dict[str, tuple] = {}
    for page in pages:
        entry = HandoutEntry(page, versions.get(page.pk, []))
        fields = list(page.policy_fields.all()) or [None]
        for policy_field in fields:
            key = policy_field.slug if policy_field else ""
            if key not in groups:
                name = policy_field.name if policy_field else _("Ohne Politikfeld")
                groups[key] = PolicyFieldGroup(name, key or "ohne-politikfeld", [])
                rank = getattr(policy_field, "sort_order", 0)
                order[key] = (0, rank, name) if policy_field else (1, 0, "")
            groups[key].handouts.append(entry)
    return [groups[key] for key in sorted(groups, key=order.__getitem__)]


def version_history(page: HandoutPage) -> list[VersionEntry]:
    """Newest first; each version with the text changes since the one before."""
    versions = list(
        PdfVersion.objects.filter(page_id=page.pk)
        .select_related("revision")
        .order_by("-version")[: MAX_VERSIONS + 1]
    )
    entries = []
    for index, version in enumerate(versions[:MAX_VERSIONS]):
        previous = versions[index + 1] if index + 1 < len(versions) else None
        changes = revision_diff(previous.revision, version.revision) if previous else None
        entries.append(VersionEntry(version, changes, is_first=previous is None))
    return entries
