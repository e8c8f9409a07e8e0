"""The partner network: policy fields, partners, the job centre's contact points.

Partners and contact points are snippets with drafts and revisions, so a
change is published deliberately and Wagtail's ReferenceIndex can tell which
pages and documents mention them.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from partners.blocks import OpeningHoursBlock
from partners.models.contacts import AddressMixin, ContactPersonBase, HasPublicContacts
from partners.models.currency import ENTRY_AS_OF, with_current_as_of


class PolicyField(index.Indexed, models.Model):
    """One of the four policy fields, moderated by a coordinating organisation."""

    name = models.CharField(_("Name"), max_length=255, unique=True)
    slug = models.SlugField(_("Kurzname (URL)"), max_length=100, unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    moderated_by = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("moderiert von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderated_fields",
        help_text=_("Die koordinierende Organisation dieses Politikfelds."),
    )
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    coordinator_group = models.OneToOneField(
        Group,
        verbose_name=_("Koordinierungsgruppe"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="coordinated_policy_field",
        help_text=_("Die Mitarbeitenden der koordinierenden Organisation, die hier freigeben."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("moderated_by"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields = [
        APIField("name"),
        APIField("slug"),
        APIField("description"),
        APIField("moderated_by"),
        APIField("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("Politikfeld")
        verbose_name_plural = _("Politikfelder")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        """Every policy field has its coordinator group, named after the field."""
        with transaction.atomic():
            group = self.coordinator_group
            if group is None:
                group = Group.objects.get_or_create(name=self.coordinator_group_name)[0]
                self.coordinator_group = group
            elif group.name != self.coordinator_group_name:
                group.name = self.coordinator_group_name
                group.save(update_fields=["name"])
            super().save(*args, **kwargs)

    @property
    def coordinator_group_name(self) -> str:
        return f"Koordination {self.name}"


class PartnerTopic(TaggedItemBase):
    """Through model for the topics a partner is responsible for."""

    content_object = ParentalKey("partners.Partner", related_name="tagged_topics")


class NetworkSnippetQuerySet(models.QuerySet):
    """Partners and contact points alike: ``live()`` is what the public may see."""

    def live(self):
        return self.filter(live=True)


class PartnerQuerySet(NetworkSnippetQuerySet):
    def with_current_as_of(self) -> PartnerQuerySet:
        """Each partner with its "Stand" annotated (read it as ``partner.current_as_of``)."""
        return with_current_as_of(self)


class NetworkSnippet(
    DraftStateMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    AddressMixin,
    HasPublicContacts,
    ClusterableModel,
):
    """What partners and contact points share: drafts, revisions and previews, search, an
    address and contact persons of whom only the public ones leave the admin."""

    class Meta:
        abstract = True


class Partner(WorkflowMixin, LockableMixin, NetworkSnippet):
    """An organisation of the network, responsible for part of the support.

    A change goes through the moderation workflow of its policy fields before it is
    published; partner staff submit theirs from /konto/eintrag/.
    """

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Koordinierende Organisation")
        PARTNER = "partner", _("Netzwerkpartner")

    name = models.CharField(_("Name"), max_length=255)
    short_name = models.CharField(_("Kurzname"), max_length=80, blank=True)
    slug = models.SlugField(_("Kurzname (URL)"), max_length=100, unique=True)
    role = models.CharField(_("Rolle"), max_length=20, choices=Role, default=Role.PARTNER)
    policy_fields = ParentalManyToManyField(
        PolicyField, verbose_name=_("Politikfelder"), blank=True, related_name="partners"
    )
    topics = ClusterTaggableManager(
        verbose_name=_("Zuständigkeiten"),
        through=PartnerTopic,
        blank=True,
        help_text=_("Wofür ist der Partner zuständig? Begriffe mit Komma trennen."),
    )
    website = models.URLField(_("Website"), blank=True)
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField(
        _("Beschreibung"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    opening_hours = StreamField(
        [("row", OpeningHoursBlock())],
        verbose_name=_("Öffnungs- und Sprechzeiten"),
        blank=True,
    )

    objects = PartnerQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("short_name"),
                FieldPanel("slug"),
                FieldPanel("role"),
                FieldPanel("logo"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("policy_fields"), FieldPanel("topics"), FieldPanel("description")],
            heading=_("Aufgaben im Netzwerk"),
        ),
        MultiFieldPanel(
            [*AddressMixin.address_panels, FieldPanel("website")],
            heading=_("Anschrift und Kontakt"),
        ),
        FieldPanel("opening_hours"),
        InlinePanel("contact_persons", heading=_("Ansprechpersonen"), label=_("Ansprechperson")),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("short_name", boost=2),
        index.SearchField("description"),
        index.SearchField("town"),
        index.AutocompleteField("name"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("live"),
        index.FilterField("role"),
        index.FilterField("town"),
    ]
    # Contact persons are added by partners.api, filtered to the public ones.
    api_fields = [
        APIField("name"),
        APIField("short_name"),
        APIField("slug"),
        APIField("role"),
        APIField("topics"),
        APIField("website"),
        APIField("logo"),
        APIField("description"),
        APIField("street"),
        APIField("postcode"),
        APIField("town"),
        APIField("phone"),
        APIField("email"),
        APIField("opening_hours"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Netzwerkpartner")
        verbose_name_plural = _("Netzwerkpartner")

    def __str__(self) -> str:
        return self.name

    @property
    def current_as_of(self):
        """ "Stand": the later of the last approved change and the last confirmation."""
        if ENTRY_AS_OF in self.__dict__:
            return self.__dict__[ENTRY_AS_OF]
        confirmed = self.confirmations.aggregate(latest=models.Max("confirmed_at"))["latest"]
        dates = [d for d in (self.last_published_at, confirmed) if d is not None]
        return max(dates, default=None)

    def get_preview_template(self, request, mode_name):
        return "partners/partner_detail.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        return {**context, "partner": self, "contact_persons": self.public_contact_persons()}


class PartnerContactPerson(ContactPersonBase):
    partner = ParentalKey(Partner, on_delete=models.CASCADE, related_name="contact_persons")


class ContactPoint(NetworkSnippet):
    """A site of a partner where single parents find a contact person (e.g. the job centre)."""

    name = models.CharField(_("Name"), max_length=255)
    slug = models.SlugField(_("Kurzname (URL)"), max_length=100, unique=True)
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("Partner"),
        on_delete=models.PROTECT,
        related_name="contact_points",
    )
    opening_hours = StreamField(
        [("row", OpeningHoursBlock())],
        verbose_name=_("Öffnungs- und Sprechzeiten"),
        blank=True,
    )
    notes = models.TextField(_("Hinweise"), blank=True)

    objects = NetworkSnippetQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("partner")],
            heading=_("Standort"),
        ),
        MultiFieldPanel(AddressMixin.address_panels, heading=_("Anschrift und Kontakt")),
        FieldPanel("opening_hours"),
        FieldPanel("notes"),
        InlinePanel("contact_persons", heading=_("Ansprechpersonen"), label=_("Ansprechperson")),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("town"),
        index.SearchField("notes"),
        index.AutocompleteField("name"),
        index.FilterField("live"),
        index.FilterField("town"),
    ]
    api_fields = [
        APIField("name"),
        APIField("slug"),
        APIField("partner"),
        APIField("street"),
        APIField("postcode"),
        APIField("town"),
        APIField("phone"),
        APIField("email"),
        APIField("opening_hours"),
        APIField("notes"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Anlaufstelle")
        verbose_name_plural = _("Anlaufstellen")

    def __str__(self) -> str:
        return self.name

    def get_preview_template(self, request, mode_name):
        return "partners/contact_point_preview.html"


class ContactPointContactPerson(ContactPersonBase):
    contact_point = ParentalKey(
        ContactPoint, on_delete=models.CASCADE, related_name="contact_persons"
    )
