"""Admin screens of the partner network: one "Netzwerk" menu with its snippet types."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from partners.models import ContactPoint, Partner, PartnerMembership, PolicyField


class PolicyFieldViewSet(SnippetViewSet):
    model = PolicyField
    icon = "list-ul"
    menu_label = _("Politikfelder")
    list_display = ["name", "moderated_by", "sort_order"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]
    sort_order_field = "sort_order"


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Netzwerkpartner")
    list_display = [
        "name",
        "role",
        "town",
        BooleanColumn("live", label=_("Veröffentlicht"), sort_key="live"),
    ]
    list_filter = ["policy_fields", "town", "role", "live"]
    search_fields = ["name", "short_name", "description", "town"]
    ordering = ["name"]
    copy_view_enabled = False


class ContactPointViewSet(SnippetViewSet):
    model = ContactPoint
    icon = "site"
    menu_label = _("Anlaufstellen")
    list_display = [
        "name",
        "partner",
        "town",
        BooleanColumn("live", label=_("Veröffentlicht"), sort_key="live"),
    ]
    list_filter = ["town", "partner", "live"]
    search_fields = ["name", "town", "notes"]
    ordering = ["name"]
    copy_view_enabled = False


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


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (PartnerViewSet, ContactPointViewSet, PolicyFieldViewSet, PartnerMembershipViewSet)
    menu_icon = "group"
    menu_label = _("Netzwerk")
    menu_name = "netzwerk"
    menu_order = 250
