"""The partner network's models, one module per concern; Django and the apps import them here.

The order matters: ``pages`` imports ``partners.directory``, which reads the
network models from ``partners.models.network`` while this package is loading.
"""

from partners.models.contacts import (
    AddressMixin,
    ContactPersonBase,
    HasPublicContacts,
    PublicContactQuerySet,
    public_contacts_prefetch,
)
from partners.models.currency import EntryConfirmation, EntryReminder
from partners.models.memberships import PartnerMembership, PartnerMembershipQuerySet, partner_of
from partners.models.network import (
    ContactPoint,
    ContactPointContactPerson,
    NetworkSnippetQuerySet,
    Partner,
    PartnerContactPerson,
    PartnerTopic,
    PolicyField,
)
from partners.models.pages import PartnerDirectoryPage

__all__ = [
    "AddressMixin",
    "ContactPersonBase",
    "ContactPoint",
    "ContactPointContactPerson",
    "EntryConfirmation",
    "EntryReminder",
    "HasPublicContacts",
    "Partner",
    "PartnerContactPerson",
    "PartnerDirectoryPage",
    "PartnerMembership",
    "PartnerMembershipQuerySet",
    "NetworkSnippetQuerySet",
    "PartnerTopic",
    "PolicyField",
    "PublicContactQuerySet",
    "partner_of",
    "public_contacts_prefetch",
]
