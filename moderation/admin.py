"""Admin guards: coordinators edit handouts and partner entries of their own fields only.

Wagtail's permissions let a coordinator group change every handout under the index
and every partner entry; these hooks (registered in wagtail_hooks.py) narrow that to
the fields moderation.rules says the account coordinates.
"""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from moderation import rules

REFUSAL_TEMPLATE = "moderation/not_your_field.html"


def refuse_foreign_field(request, obj):
    """before_edit_page / before_edit_snippet: a German 403 outside the user's fields."""
    if rules.may_edit(request.user, obj):
        return None
    context = {
        "object": obj,
        "fields": sorted(field.name for field in rules.moderation_fields(obj)),
        "own_fields": [field.name for field in rules.coordinated_fields(request.user)],
    }
    return TemplateResponse(request, REFUSAL_TEMPLATE, context, status=403)


def hide_foreign_pages(parent_page, pages, request):
    """construct_explorer_page_queryset: coordinators see only the handouts of their fields
    (and still every page on the way to them)."""
    user = request.user
    if rules.is_editorial_team(user) or not rules.is_coordinator(user):
        return pages
    foreign = [
        page.pk
        for page in pages.specific()
        if rules.is_moderated(page) and not rules.may_edit(user, page)
    ]
    return pages.exclude(pk__in=foreign) if foreign else pages


class FieldApprovalFormatter(LogFormatter):
    """History line of a coordinator's approval for their fields while others still wait."""

    label = _("Freigabe für ein Politikfeld")

    def format_message(self, log_entry) -> str:
        data = log_entry.data
        return _("Freigegeben für %(fields)s; es fehlt noch die Freigabe für %(waiting)s.") % {
            "fields": ", ".join(data.get("fields", [])),
            "waiting": ", ".join(data.get("waiting", [])),
        }

    def format_comment(self, log_entry) -> str:
        return log_entry.data.get("comment", "")
