"""Admin: which accounts work for which partner ("Netzwerk" → "Partner-Zugänge")."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from partners.staff.models import PartnerMembership


class PartnerMembershipViewSet(SnippetViewSet):
    """Saving a membership also puts the account into the group "Partner-Mitarbeitende"."""

    model = PartnerMembership
    icon = "user"
    menu_label = _("Partner-Zugänge")
    list_display = ["user", "partner", "position", "created_at"]
    list_filter = ["partner"]
    search_fields = ["user__username", "user__email", "partner__name"]
    ordering = ["partner__name", "user__username"]
    copy_view_enabled = False
