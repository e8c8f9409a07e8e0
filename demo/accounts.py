"""The demo's logins: an editor, a partner staff account and one coordinator per policy
field (development only).

``demo_accounts`` makes them for ``make run``; the browser tests make theirs with the
same function. A given password is set every time; without one, a new account gets
a random password (shown once) and an existing one keeps its own.
"""

from __future__ import annotations

import secrets
from enum import StrEnum

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser

from accounts.roles import editor_groups, partner_staff_group
from demo.content.network import POLICY_FIELDS
from partners.models import Partner, PartnerMembership, PolicyField

EDITOR_USERNAME = "redaktion"
PARTNER_USERNAME = "partner-demo"
PARTNER_SLUG = "lebenshilfe-finsterwalde"
UNCHANGED = "(unverändert, siehe erste Ausgabe oder {setting} setzen)"


class Role(StrEnum):
    ADMIN = "admin"  # superuser
    EDITOR = "editor"  # the groups with admin access (Editors, Moderators)
    PARTNER_STAFF = "partner_staff"  # the group "Partner-Mitarbeitende", no admin access
    COORDINATOR = "coordinator"  # a policy field's coordinator group (ensure_coordinator)


def ensure_account(
    username: str,
    password: str,
    role: Role,
    *,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> tuple[AbstractUser, str]:
    """Create or update one account in its role; returns the user and the password set
    (empty when an existing account kept its password)."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        password = password or secrets.token_urlsafe(12)
        user = user_model(username=username, email=email or f"{username}@example.org")
        user.first_name, user.last_name = first_name, last_name
    if password:
        user.set_password(password)
    user.is_staff = user.is_superuser = role == Role.ADMIN
    user.save()
    if role == Role.EDITOR:
        # Coordinator groups open the admin too, but only for their policy field.
        user.groups.add(*editor_groups().filter(coordinated_policy_field__isnull=True))
    if role == Role.PARTNER_STAFF:
        user.groups.add(partner_staff_group())
    return user, password


def ensure_membership(user: AbstractUser, partner_slug: str, position: str) -> None:
    """The user works for this demo partner (when the demo partners are loaded)."""
    partner = Partner.objects.filter(slug=partner_slug).first()
    if partner is not None:
        PartnerMembership.objects.get_or_create(
            user=user, partner=partner, defaults={"position": position}
        )


def demo_editor(password: str) -> tuple[str, str]:
    """The editor ``redaktion`` (a superuser); returns username and the password to show."""
    _user, shown = ensure_account(
        EDITOR_USERNAME, password, Role.ADMIN, first_name="Demo", email="redaktion@example.org"
    )
    return EDITOR_USERNAME, shown or UNCHANGED.format(setting="DEMO_ADMIN_PASSWORD")


def demo_partner(password: str) -> tuple[str, str]:
    """Partner staff of Lebenshilfe Finsterwalde e.V.; returns username and password to show."""
    user, shown = ensure_account(
        PARTNER_USERNAME,
        password,
        Role.PARTNER_STAFF,
        first_name="Demo",
        last_name="Partnerin",
        email="partner-demo@example.org",
    )
    ensure_membership(user, PARTNER_SLUG, "Beratung")
    return PARTNER_USERNAME, shown or UNCHANGED.format(setting="DEMO_PARTNER_PASSWORD")


def coordinator_username(partner_slug: str) -> str:
    """ "koordination-jobcenter" for "jobcenter-elbe-elster": the organisation's first word."""
    return f"koordination-{partner_slug.split('-')[0]}"


def ensure_coordinator(
    username: str, password: str, field: PolicyField, partner_slug: str
) -> tuple[AbstractUser, str]:
    """Staff of a coordinating organisation, in the coordinator group of its policy field."""
    user, shown = ensure_account(
        username,
        password,
        Role.COORDINATOR,
        first_name="Demo",
        last_name="Koordination",
        email=f"{username}@example.org",
    )
    user.groups.add(field.coordinator_group)
    ensure_membership(user, partner_slug, "Koordination des Politikfelds")
    return user, shown


def demo_coordinators(password: str) -> list[tuple[str, str, str]]:
    """One login per coordinating organisation (when the demo network is loaded): username,
    password to show and the policy field it approves."""
    logins = []
    for field_slug, _name, _description, partner_slug in POLICY_FIELDS:
        field = PolicyField.objects.filter(slug=field_slug).first()
        if field is None or field.coordinator_group is None:
            continue
        username = coordinator_username(partner_slug)
        _user, shown = ensure_coordinator(username, password, field, partner_slug)
        logins.append(
            (username, shown or UNCHANGED.format(setting="DEMO_COORDINATOR_PASSWORD"), field.name)
        )
    return logins


def demo_partner_account() -> AbstractUser:
    """The partner staff account, made without showing a password if it is still missing
    (``demo_accounts`` sets and prints it); ``load_demo`` submits its pending change."""
    user = get_user_model().objects.filter(username=PARTNER_USERNAME).first()
    if user is None:
        demo_partner("")
        user = get_user_model().objects.get(username=PARTNER_USERNAME)
    return user
