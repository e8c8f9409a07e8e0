"""Shared pieces of partners and contact points: the address, contact persons."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from partners.validators import validate_phone, validate_postcode


class AddressMixin(models.Model):
    """Postal address and public contact channels of an organisation or site."""

    street = models.CharField(_("Straße und Hausnummer"), max_length=255, blank=True)
    postcode = models.CharField(
        _("Postleitzahl"), max_length=10, blank=True, validators=[validate_postcode]
    )
    town = models.CharField(_("Ort"), max_length=100, blank=True, db_index=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True, validators=[validate_phone])
    email = models.EmailField(_("E-Mail"), blank=True)

    address_panels = [
        FieldPanel("street"),
        FieldPanel("postcode"),
        FieldPanel("town"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]

    class Meta:
        abstract = True

    @property
    def has_address(self) -> bool:
        return bool(self.street or self.postcode or self.town)


#: Attribute that :func:`public_contacts_prefetch` fills on each partner or contact point.
PUBLIC_CONTACTS = "public_contacts"


class PublicContactQuerySet(models.QuerySet):
    def public(self) -> PublicContactQuerySet:
        """The one rule for what leaves the admin: persons marked public whose consent
        to publication is recorded with its date."""
        return self.filter(is_public=True, consent_given_on__isnull=False)


def public_contacts_prefetch(person_model: type[models.Model], through: str = "") -> Prefetch:
    """Fetch only the public contact persons of a listing, as ``public_contacts``.

    ``person_model`` is the owner's contact person model (PartnerContactPerson or
    ContactPointContactPerson); ``through`` a relation in front, such as
    ``"contact_points__"``. Pages, the directory, the API and the open-data
    exports all list contact persons through this, so none can show a private one.
    """
    queryset = person_model.objects.public()
    return Prefetch(f"{through}contact_persons", queryset=queryset, to_attr=PUBLIC_CONTACTS)


class HasPublicContacts:
    """For models whose ``contact_persons`` hold people: which of them the public sees."""

    def public_contact_persons(self) -> list:
        """The prefetched public persons of a listing, else the public ones of
        ``contact_persons`` (which also holds the unsaved persons of a preview)."""
        prefetched = getattr(self, PUBLIC_CONTACTS, None)
        if prefetched is not None:
            return list(prefetched)
        return [person for person in self.contact_persons.all() if person.shown_publicly]


class ContactPersonBase(Orderable):
    """A contact person; only those switched to public ever reach a public page or API."""

    name = models.CharField(
        _("Name"),
        max_length=255,
        blank=True,
        help_text=_("Leer lassen, wenn nur die Funktion genannt werden soll."),
    )
    role = models.CharField(_("Funktion"), max_length=255)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True, validators=[validate_phone])
    email = models.EmailField(_("E-Mail"), blank=True)
    is_public = models.BooleanField(
        _("öffentlich anzeigen"),
        default=False,
        help_text=_(
            "Nur öffentliche Ansprechpersonen mit erfasster Einwilligung erscheinen auf der "
            "Website, in der API und in den PDFs."
        ),
    )
    consent_given_on = models.DateField(
        _("Einwilligung erteilt am"),
        null=True,
        blank=True,
        help_text=_("Datum, an dem die Person der Veröffentlichung zugestimmt hat."),
    )

    objects = PublicContactQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("is_public"),
        FieldPanel("consent_given_on"),
    ]
    # is_public is a filter, never an output: the API lists public persons only.
    api_fields = [APIField("name"), APIField("role"), APIField("phone"), APIField("email")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")

    def __str__(self) -> str:
        return self.name or self.role

    @property
    def shown_publicly(self) -> bool:
        """The same rule as ``PublicContactQuerySet.public``, for unsaved persons of a preview."""
        return self.is_public and self.consent_given_on is not None

    def clean(self) -> None:
        super().clean()
        if self.is_public and self.consent_given_on is None:
            raise ValidationError(
                {
                    "consent_given_on": _(
                        "Öffentlich nur mit Einwilligung: Bitte das Datum angeben, an dem die "
                        "Person zugestimmt hat."
                    )
                }
            )
