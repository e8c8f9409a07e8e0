"""Who hears about a changed handout, and how often: preferences, defaults, access.

A person's choice for a policy field is a :class:`NotificationPreference` row. Without
one, the default applies: partner staff whose organisation works in the field (a
PartnerMembership of a partner with that policy field) get every change at once;
everyone else gets nothing until they choose. A handout in several fields reaches a
person at the most frequent of their choices for those fields. Whether a person may
read the handout is asked of documents.access and of nothing else.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from documents.access import can_view_page
from notifications.models import Frequency, NotificationPreference
from partners.models import PartnerMembership, PolicyField

#: Most frequent first: a person in two fields of a handout hears at the quicker choice.
RANK = {Frequency.IMMEDIATE: 0, Frequency.WEEKLY: 1, Frequency.NONE: 2}


@dataclass
class Recipient:
    user: object
    frequency: str
    policy_field_ids: list[int]


def default_field_ids(user) -> set[int]:
    """Policy fields of the organisations ``user`` works for: there the default is "sofort"."""
    memberships = PartnerMembership.objects.filter(user=user)
    return set(memberships.values_list("partner__policy_fields", flat=True)) - {None}


def choices_for(user) -> dict[int, str]:
    """The frequency ``user`` has for every policy field, chosen or by default."""
    defaults = default_field_ids(user)
    chosen = dict(
        NotificationPreference.objects.filter(user=user).values_list("policy_field", "frequency")
    )
    return {
        field_id: chosen.get(
            field_id, Frequency.IMMEDIATE if field_id in defaults else Frequency.NONE
        )
        for field_id in PolicyField.objects.values_list("pk", flat=True)
    }


def _field_choices(field_ids: list[int], user=None) -> dict[int, dict[int, str]]:
    """user id → {policy field id → frequency} for everyone with a say in these fields."""
    per_user: dict[int, dict[int, str]] = defaultdict(dict)
    members = PartnerMembership.objects.filter(
        partner__policy_fields__in=field_ids, user__is_active=True
    )
    chosen = NotificationPreference.objects.filter(policy_field__in=field_ids)
    if user is not None:
        members, chosen = members.filter(user=user), chosen.filter(user=user)
    for user_id, field_id in members.values_list("user", "partner__policy_fields"):
        per_user[user_id][field_id] = Frequency.IMMEDIATE
    for user_id, field_id, frequency in chosen.values_list("user", "policy_field", "frequency"):
        per_user[user_id][field_id] = frequency
    return per_user


def _active_users(ids) -> QuerySet:
    return get_user_model().objects.filter(pk__in=ids, is_active=True).exclude(email="")


def recipients(page) -> list[Recipient]:
    """Everyone to tell about a change of ``page`` (a live handout), who may read it.

    The policy fields are read from the database: the live page's, not an instance's.
    """
    field_ids = list(PolicyField.objects.filter(handouts=page.pk).values_list("pk", flat=True))
    if not field_ids:
        return []
    per_user = _field_choices(field_ids)
    found = []
    for user in _active_users(per_user).order_by("pk"):
        choices = per_user[user.pk]
        frequency = min(choices.values(), key=RANK.__getitem__)
        if frequency == Frequency.NONE or not can_view_page(user, page):
            continue
        fields = sorted(pk for pk, value in choices.items() if value == frequency)
        found.append(Recipient(user, frequency, fields))
    return found


def still_wanted(user, page, policy_field_ids: list[int]) -> bool:
    """Right before sending: may ``user`` still read ``page``, and did they not unsubscribe?"""
    if not user.is_active or not user.email or not page.live:
        return False
    if not can_view_page(user, page.specific):
        return False
    choices = _field_choices(policy_field_ids, user).get(user.pk, {})
    return any(value != Frequency.NONE for value in choices.values())


def set_choice(user, policy_field_ids, frequency: str) -> None:
    """Store ``frequency`` as the user's choice for each of these policy fields."""
    for field_id in policy_field_ids:
        NotificationPreference.objects.update_or_create(
            user=user, policy_field_id=field_id, defaults={"frequency": frequency}
        )
