"""The editors' dashboard panel about PDFs that need someone: failed and stuck render jobs.

A failed job stays on the panel until a later job of the same page finished; a job that
waits or runs longer than ``DASHBOARD_STUCK_JOB_MINUTES`` is listed as stuck (the sweeper
re-sends it, but someone should look). Shown to accounts that may view the render ledger.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from wagtail.admin.ui.components import Component

from documents.models import RenderJob

PANEL_LIMIT = 10


def unresolved_failures() -> QuerySet[RenderJob]:
    """Failed jobs of pages that have not had a finished job since."""
    later_done = RenderJob.objects.filter(
        page_id=OuterRef("page_id"),
        status=RenderJob.Status.DONE,
        created_at__gt=OuterRef("created_at"),
    )
    return (
        RenderJob.objects.filter(status=RenderJob.Status.FAILED)
        .exclude(Exists(later_done))
        .select_related("page")
        .order_by("-created_at")
    )


def stuck_jobs() -> QuerySet[RenderJob]:
    """Jobs still waiting or running after the configured minutes."""
    since = timezone.now() - timedelta(minutes=settings.DASHBOARD_STUCK_JOB_MINUTES)
    return (
        RenderJob.objects.filter(
            status__in=[RenderJob.Status.PENDING, RenderJob.Status.RUNNING],
            created_at__lt=since,
        )
        .select_related("page")
        .order_by("created_at")
    )


def may_see_render_jobs(user) -> bool:
    return user.has_perm("documents.view_renderjob")


class RenderProblemsPanel(Component):
    """ "PDF-Aufträge, die Aufmerksamkeit brauchen" on the admin dashboard."""

    name = "render_problems"
    template_name = "documents/dashboard/render_problems.html"
    order = 150

    def get_context_data(self, parent_context: Mapping[str, Any]) -> Mapping[str, Any]:
        context = super().get_context_data(parent_context)
        failed = unresolved_failures()
        stuck = stuck_jobs()
        context.update(
            failed=list(failed[:PANEL_LIMIT]),
            failed_count=failed.count(),
            stuck=list(stuck[:PANEL_LIMIT]),
            stuck_count=stuck.count(),
            stuck_minutes=settings.DASHBOARD_STUCK_JOB_MINUTES,
        )
        return context
