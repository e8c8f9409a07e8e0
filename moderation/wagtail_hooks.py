"""Registers the moderation's admin guards, guarded actions and history entry with Wagtail."""

from wagtail import hooks

from moderation import actions, dashboard
from moderation.admin import FieldApprovalFormatter, hide_foreign_pages, refuse_foreign_field
from moderation.models import FIELD_APPROVAL_ACTION

hooks.register("before_edit_page", refuse_foreign_field)
hooks.register("before_edit_snippet", refuse_foreign_field)
hooks.register("construct_explorer_page_queryset", hide_foreign_pages)
hooks.register("register_actions", actions.register)


@hooks.register("register_log_actions")
def register_field_approval(log_actions):
    log_actions.register_action(FIELD_APPROVAL_ACTION)(FieldApprovalFormatter)


@hooks.register("construct_homepage_panels")
def add_overdue_entries_panel(request, panels):
    if dashboard.may_see_overdue_entries(request.user):
        panels.append(dashboard.OverdueEntriesPanel())
