"""Test factories for the partner network: policy fields, partners, contact points, staff."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from partners.models import (
    ContactPoint,
    ContactPointContactPerson,
    Partner,
    PartnerContactPerson,
    PartnerDirectoryPage,
    PartnerMembership,
    PolicyField,
)

__all__ = [
    "ContactPointContactPersonFactory",
    "ContactPointFactory",
    "PartnerContactPersonFactory",
    "PartnerDirectoryPageFactory",
    "PartnerFactory",
    "PartnerMembershipFactory",
    "PolicyFieldFactory",
]


class PolicyFieldFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Politikfeld {n}")
    slug = factory.Sequence(lambda n: f"politikfeld-{n}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = PolicyField
        django_get_or_create = ("slug",)


class PartnerFactory(DjangoModelFactory):
    """A live partner; pass ``live=False`` for a draft, ``policy_fields=[...]`` to assign."""

    name = factory.Sequence(lambda n: f"Partner {n:03d}")
    slug = factory.Sequence(lambda n: f"partner-{n:03d}")
    role = Partner.Role.PARTNER
    live = True

    class Meta:
        model = Partner
        skip_postgeneration_save = True

    @factory.post_generation
    def policy_fields(self, create, extracted, **kwargs):
        if create and extracted:
            self.policy_fields.set(extracted)
            self.save()


class PartnerContactPersonFactory(DjangoModelFactory):
    partner = factory.SubFactory(PartnerFactory)
    role = "Beratung"
    is_public = True
    consent_given_on = factory.Maybe(
        "is_public", yes_declaration=datetime.date(2026, 1, 15), no_declaration=None
    )

    class Meta:
        model = PartnerContactPerson


class ContactPointFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Standort {n}")
    slug = factory.Sequence(lambda n: f"standort-{n}")
    partner = factory.SubFactory(PartnerFactory)
    live = True

    class Meta:
        model = ContactPoint


class ContactPointContactPersonFactory(DjangoModelFactory):
    contact_point = factory.SubFactory(ContactPointFactory)
    role = "Ansprechpartner/in für Alleinerziehende"
    is_public = True
    consent_given_on = factory.Maybe(
        "is_public", yes_declaration=datetime.date(2026, 1, 15), no_declaration=None
    )

    class Meta:
        model = ContactPointContactPerson


class PartnerDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Partnerverzeichnis"
    slug = "partner"

    class Meta:
        model = PartnerDirectoryPage


class PartnerMembershipFactory(DjangoModelFactory):
    """A staff account's membership; saving it puts the account into the partner staff group."""

    user = factory.SubFactory("tests.factories.accounts.UserFactory")
    partner = factory.SubFactory(PartnerFactory)

    class Meta:
        model = PartnerMembership
