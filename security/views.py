"""Admin listing of locked logins, so a superuser can lift a lock without a shell."""

from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy


class ReadAndDeletePolicy(ModelPermissionPolicy):
    """Attempts are written by axes only: people may look at them and delete them."""

    def user_has_permission(self, user, action):
        if action not in ("view", "delete"):
            return False
        return user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class AccessAttemptViewSet(ModelViewSet):
    """Failed logins per account and client; deleting an entry unlocks that login."""

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Anmeldesperren")
    add_to_settings_menu = True
    name = "anmeldesperren"
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["username"]
