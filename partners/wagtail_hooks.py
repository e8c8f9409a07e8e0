"""Admin for the partner network: one "Netzwerk" menu with its three snippet types."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from partners.models import ContactPoint, Partner, PolicyField
from partners.staff.admin import PartnerMembershipViewSet


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
    list_display = ["name", "role", "town", "live"]
    list_filter = ["policy_fields", "town", "role", "live"]
    search_fields = ["name", "short_name", "description", "town"]
    ordering = ["name"]
    copy_view_enabled = False


class ContactPointViewSet(SnippetViewSet):
    model = ContactPoint
    icon = "site"
    menu_label = _("Anlaufstellen")
    list_display = ["name", "partner", "town", "live"]
    list_filter = ["town", "partner", "live"]
    search_fields = ["name", "town", "notes"]
    ordering = ["name"]
    copy_view_enabled = False


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (PartnerViewSet, ContactPointViewSet, PolicyFieldViewSet, PartnerMembershipViewSet)
    menu_icon = "group"
    menu_label = _("Netzwerk")
    menu_name = "netzwerk"
    menu_order = 250


register_snippet(NetworkViewSetGroup)
