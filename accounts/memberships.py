"""A partner membership is what puts an account into the group "Partner-Mitarbeitende".

PartnerMembership belongs to partners (it says which organisation an account
works for); the group is a role, which this app owns. partners imports no app
above it, so the membership does not call this module: AccountsConfig.ready()
connects these handlers to its signals. The membership's save() and delete()
run in a transaction, so the group change lands together with the row.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save

from accounts.roles import partner_staff_group
from partners.models import PartnerMembership


def on_membership_saved(sender, instance: PartnerMembership, **kwargs) -> None:
    instance.user.groups.add(partner_staff_group())


def on_membership_deleted(sender, instance: PartnerMembership, **kwargs) -> None:
    """The last membership of an account went: the account leaves the group."""
    if PartnerMembership.objects.filter(user_id=instance.user_id).exists():
        return
    user = get_user_model().objects.filter(pk=instance.user_id).first()
    if user is not None:
        user.groups.remove(partner_staff_group())


def connect() -> None:
    """Called from AccountsConfig.ready()."""
    post_save.connect(
        on_membership_saved, sender=PartnerMembership, dispatch_uid="accounts_membership_saved"
    )
    post_delete.connect(
        on_membership_deleted, sender=PartnerMembership, dispatch_uid="accounts_membership_deleted"
    )
