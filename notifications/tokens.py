"""Signed one-click unsubscribe links: who, and from which policy fields.

The link needs no login: the signature (django.core.signing, SECRET_KEY, a salt of its
own) is the proof that the mail went to this person. It does not expire, because a
mail read months later must still be able to stop the next one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "notifications.unsubscribe"


@dataclass(frozen=True)
class Unsubscribe:
    user_id: int
    policy_field_ids: tuple[int, ...]


def make_token(user_id: int, policy_field_ids) -> str:
    return signing.dumps({"u": user_id, "f": sorted(set(policy_field_ids))}, salt=SALT)


def read_token(token: str) -> Unsubscribe | None:
    """The request behind ``token``, or None when it was not signed by us."""
    try:
        data = signing.loads(token, salt=SALT)
        return Unsubscribe(int(data["u"]), tuple(int(pk) for pk in data["f"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe_url(user_id: int, policy_field_ids) -> str:
    token = make_token(user_id, policy_field_ids)
    return absolute(reverse("notifications:unsubscribe", args=[token]))
