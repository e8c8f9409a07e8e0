"""Admin for the website: the listing of reported barriers; the PDFs' publisher details."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from documents.rendering.identity import IDENTITY_HOOK, PrintIdentity
from home.models import AccessibilityFeedback, SiteSettings


class AccessibilityFeedbackPermissionPolicy(ModelPermissionPolicy):
    """Messages come only from the public form: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(
    AccessibilityFeedback, AccessibilityFeedbackPermissionPolicy(AccessibilityFeedback)
)


class AccessibilityFeedbackViewSet(SnippetViewSet):
    model = AccessibilityFeedback
    icon = "help"
    menu_label = _("Barriere-Meldungen")
    add_to_admin_menu = True
    menu_order = 800
    list_display = ["message", "page_url", "created_at", "done"]
    list_filter = ["done"]
    search_fields = ["message", "page_url", "name"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    inspect_view_fields = ["created_at", "page_url", "message", "name", "email", "done", "note"]
    copy_view_enabled = False


register_snippet(AccessibilityFeedbackViewSet)


@hooks.register(IDENTITY_HOOK)
def print_identity(site) -> PrintIdentity:
    return SiteSettings.for_site(site).print_identity()
