"""The handouts area for partner staff: guidelines by policy field, versions, changes.

Part of the partner staff's account pages (/konto/handlungsanleitungen/, URL
namespace ``konto``, which cms.urls composes from accounts' and these patterns).
What a reader finds here is what documents.access lets them read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.roles import is_partner_staff_or_editor
from accounts.views import no_access
from documents.access import can_view_page, visible_pages
from documents.diff import ChangedLine, revision_diff
from documents.models import HandoutPage, PdfVersion

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


@never_cache
@login_required
def index(request: HttpRequest) -> HttpResponse:
    if not is_partner_staff_or_editor(request.user):
        return no_access(request)
    return render(request, "documents/handouts/index.html", {"groups": grouped_handouts(request)})


@never_cache
@login_required
def versions(request: HttpRequest, page_id: int) -> HttpResponse:
    if not is_partner_staff_or_editor(request.user):
        return no_access(request)
    page = HandoutPage.objects.live().filter(pk=page_id).first()
    if page is None or not can_view_page(request.user, page, request):
        raise Http404
    return render(
        request,
        "documents/handouts/versions.html",
        {"handout": page, "history": version_history(page)},
    )


#: Included under /konto/ in the ``konto`` namespace (cms.urls).
urlpatterns = [
    path("handlungsanleitungen/", index, name="handouts"),
    path("handlungsanleitungen/<int:page_id>/", versions, name="handout_versions"),
]
