"""Registers the moderation's admin guards and its history entry with Wagtail."""

from wagtail import hooks

from moderation.admin import FieldApprovalFormatter, hide_foreign_pages, refuse_foreign_field
from moderation.models import FIELD_APPROVAL_ACTION

hooks.register("before_edit_page", refuse_foreign_field)
hooks.register("before_edit_snippet", refuse_foreign_field)
hooks.register("construct_explorer_page_queryset", hide_foreign_pages)


@hooks.register("register_log_actions")
def register_field_approval(actions):
    actions.register_action(FIELD_APPROVAL_ACTION)(FieldApprovalFormatter)
