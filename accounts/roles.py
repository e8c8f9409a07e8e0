"""Who is who: editors, partner staff and the group "Partner-Mitarbeitende".

Roles are plain Django groups and permissions, so this module only answers
questions about an account. What an account may *see* is decided in one place
above it, documents.access, which asks these helpers.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db.models import QuerySet

PARTNER_STAFF_GROUP = "Partner-Mitarbeitende"


def is_active_account(user) -> bool:
    """A logged-in, active account (anonymous users and ``None`` are not)."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_editor(user) -> bool:
    """Users with access to the Wagtail admin (and superusers)."""
    if not is_active_account(user):
        return False
    return user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def is_partner_staff(user) -> bool:
    """Members of the group "Partner-Mitarbeitende" (partners.PartnerMembership keeps it)."""
    if not is_active_account(user):
        return False
    return user.groups.filter(name=PARTNER_STAFF_GROUP).exists()


def is_partner_staff_or_editor(user) -> bool:
    return is_editor(user) or is_partner_staff(user)


def partner_staff_group() -> Group:
    """The group, created if a database lacks it (the accounts migration creates it)."""
    return Group.objects.get_or_create(name=PARTNER_STAFF_GROUP)[0]


def editor_groups() -> QuerySet[Group]:
    """Groups whose members may use the Wagtail admin ("Redaktion", "Moderation", …)."""
    return Group.objects.filter(
        permissions__codename="access_admin", permissions__content_type__app_label="wagtailadmin"
    ).distinct()
