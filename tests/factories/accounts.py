"""Test factories for accounts in each role the product knows."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from factory.django import DjangoModelFactory

from accounts.roles import partner_staff_group
from tests.factories.partners import PartnerMembershipFactory

__all__ = [
    "PASSWORD",
    "AdminAccessFactory",
    "CoordinatorFactory",
    "EditorFactory",
    "ModeratorFactory",
    "PartnerStaffFactory",
    "SuperuserFactory",
    "UserFactory",
]

#: The password of every account the factories make.
PASSWORD = "Sicheres-Passwort-2026"


class UserFactory(DjangoModelFactory):
    """An active account without any role."""

    username = factory.Sequence(lambda n: f"konto-{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


def _join(user, group_name: str) -> None:
    user.groups.add(Group.objects.get(name=group_name))


class EditorFactory(UserFactory):
    """A member of the group "Redaktion" (Wagtail's default "Editors", renamed)."""

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            _join(self, "Redaktion")


class ModeratorFactory(UserFactory):
    """A member of the group "Moderation" (Wagtail's "Moderators": editors who also publish)."""

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            _join(self, "Moderation")


class CoordinatorFactory(UserFactory):
    """A member of the coordinator group of ``field=`` (a PolicyField), nothing else."""

    @factory.post_generation
    def field(self, create, extracted, **kwargs):
        if create and extracted is not None:
            self.groups.add(extracted.coordinator_group)


class PartnerStaffFactory(UserFactory):
    """Partner staff: with ``partner=`` through a membership, otherwise the group alone."""

    @factory.post_generation
    def partner(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            self.groups.add(partner_staff_group())
        else:
            PartnerMembershipFactory(user=self, partner=extracted)


class AdminAccessFactory(UserFactory):
    """May open the Wagtail admin and nothing more (``wagtailadmin.access_admin`` only)."""

    @factory.post_generation
    def access_admin(self, create, extracted, **kwargs):
        if create:
            self.user_permissions.add(
                Permission.objects.get(
                    content_type__app_label="wagtailadmin", codename="access_admin"
                )
            )


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True
