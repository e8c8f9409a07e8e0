"""Admin listing of locked logins, so a superuser can lift a lock without a shell."""

from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _

from cms.security.ledgers import DeletablePermissionHelper, LedgerAdmin, local_datetime


class LockoutAdmin(LedgerAdmin):
    """Failed logins per account and client, written by axes; deleting an entry unlocks it.

    Needs axes' model permissions, which no group has: superusers only, unless granted.
    """

    model = AccessAttempt
    permission_helper_class = DeletablePermissionHelper
    menu_label = _("Anmeldesperren")
    menu_icon = "lock"
    add_to_settings_menu = True
    base_url_path = "anmeldesperren"
    list_display = ("username", "ip_address", "failures_since_start", "last_attempt")
    list_filter = ("attempt_time",)
    search_fields = ("username", "ip_address")
    inspect_view_fields = [
        "username",
        "ip_address",
        "user_agent",
        "failures_since_start",
        "attempt_time",
        "path_info",
    ]
    back_label = _("Zurück zu den Anmeldesperren")

    def heading(self, obj: AccessAttempt) -> str:
        return _("Anmeldesperre für %(username)s") % {"username": obj.username}

    def last_attempt(self, obj: AccessAttempt) -> str:
        return local_datetime(obj.attempt_time)

    last_attempt.short_description = _("Letzter Versuch")
    last_attempt.admin_order_field = "attempt_time"
