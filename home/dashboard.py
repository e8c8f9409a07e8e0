"""The editors' dashboard panel of reported barriers that nobody has handled yet."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.urls import reverse
from wagtail.admin.ui.components import Component

from home.models import AccessibilityFeedback

PANEL_LIMIT = 10


def may_see_barrier_reports(user) -> bool:
    return user.has_perm("home.view_accessibilityfeedback") or user.has_perm(
        "home.change_accessibilityfeedback"
    )


class OpenBarrierReportsPanel(Component):
    """ "Neue Barriere-Meldungen": reports not marked "Erledigt", newest first."""

    name = "open_barrier_reports"
    template_name = "home/dashboard/open_barrier_reports.html"
    order = 160

    def get_context_data(self, parent_context: Mapping[str, Any]) -> Mapping[str, Any]:
        context = super().get_context_data(parent_context)
        reports = AccessibilityFeedback.objects.filter(done=False).order_by("-created_at")
        viewset = AccessibilityFeedback.snippet_viewset
        edit = viewset.get_url_name("edit")
        context.update(
            reports=[(report, reverse(edit, args=[report.pk])) for report in reports[:PANEL_LIMIT]],
            count=reports.count(),
            index_url=reverse(viewset.get_url_name("list")),
        )
        return context
