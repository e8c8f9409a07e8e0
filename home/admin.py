"""Admin screen of the website: reported barriers, a snippet editors work through.

Reports are editable content (editors mark them done and add a note), so they are a
snippet like the partner network's; ledgers and logs follow cms.security.ledgers.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import AccessibilityFeedback


class FeedbackPermissionPolicy(ModelPermissionPolicy):
    """Reports come only from the public form: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class AccessibilityFeedbackViewSet(SnippetViewSet):
    model = AccessibilityFeedback
    icon = "help"
    menu_label = _("Barriere-Meldungen")
    add_to_admin_menu = True
    menu_order = 800
    list_display = [
        "message",
        "page_url",
        DateColumn("created_at", label=_("Eingegangen am"), sort_key="created_at"),
        BooleanColumn("done", label=_("Erledigt"), sort_key="done"),
    ]
    list_filter = ["done"]
    search_fields = ["message", "page_url", "name"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    inspect_view_fields = ["created_at", "page_url", "message", "name", "email", "done", "note"]
    copy_view_enabled = False
