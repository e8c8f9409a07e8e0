"""The dashboard panel of partner entries that are overdue, for those who look after them.

Coordinators see the overdue entries of their policy fields, the editorial team all of
them. Entries without members come first: nobody receives a reminder for them
(partners.reminders), so the coordination has to check them itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from wagtail.admin.ui.components import Component

from moderation.rules import coordinated_fields, is_editorial_team
from partners.models import Partner
from partners.reminders import overdue_partners

PANEL_LIMIT = 15


def overdue_for(user) -> QuerySet[Partner]:
    """Overdue entries ``user`` looks after, those without active members first."""
    overdue = overdue_partners()
    if not is_editorial_team(user):
        overdue = overdue.filter(policy_fields__in=coordinated_fields(user)).distinct()
    members = Count("staff_memberships", filter=Q(staff_memberships__user__is_active=True))
    return overdue.annotate(members=members).order_by("members", "entry_as_of", "name")


def may_see_overdue_entries(user) -> bool:
    return is_editorial_team(user) or coordinated_fields(user).exists()


class OverdueEntriesPanel(Component):
    """ "Einträge, die geprüft werden sollten" on the admin dashboard."""

    name = "overdue_entries"
    template_name = "moderation/dashboard/overdue_entries.html"
    order = 140

    def get_context_data(self, parent_context: Mapping[str, Any]) -> Mapping[str, Any]:
        context = super().get_context_data(parent_context)
        partners = overdue_for(parent_context["request"].user)
        edit = Partner.snippet_viewset.get_url_name("edit")
        context.update(
            entries=[(p, reverse(edit, args=[p.pk])) for p in partners[:PANEL_LIMIT]],
            count=partners.count(),
            days=settings.PARTNERS_CONFIRM_AFTER_DAYS,
        )
        return context
