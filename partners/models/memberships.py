"""Partner staff memberships: which partner organisation a staff account works for."""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class PartnerMembershipQuerySet(models.QuerySet):
    def for_user(self, user) -> PartnerMembershipQuerySet:
        if not user or not user.is_authenticated:
            return self.none()
        return self.filter(user=user)


class PartnerMembership(models.Model):
    """A user account working for a partner organisation.

    Access itself is the group "Partner-Mitarbeitende" (accounts.roles): saving
    a membership puts the user into that group, deleting the last one takes the
    user out again (accounts.memberships, connected to this model's signals).
    The membership says *which* organisation, for the handouts area and the
    download audit.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Konto"),
        on_delete=models.CASCADE,
        related_name="partner_memberships",
        limit_choices_to={"is_active": True},
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("Netzwerkpartner"),
        on_delete=models.CASCADE,
        related_name="staff_memberships",
    )
    position = models.CharField(
        _("Funktion"),
        max_length=120,
        blank=True,
        help_text=_("Nur intern, z. B. „Beratung“; nie öffentlich."),
    )
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)

    objects = PartnerMembershipQuerySet.as_manager()

    panels = [FieldPanel("user"), FieldPanel("partner"), FieldPanel("position")]

    class Meta:
        verbose_name = _("Partner-Zugang")
        verbose_name_plural = _("Partner-Zugänge")
        ordering = ["partner__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "partner"], name="unique_partner_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.partner}"

    def save(self, *args, **kwargs) -> None:
        # accounts puts the user into the group on post_save, inside this transaction.
        with transaction.atomic():
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        # accounts takes the user out of the group on post_delete, inside this transaction.
        with transaction.atomic():
            return super().delete(*args, **kwargs)


def partner_of(user):
    """The (first) partner organisation of ``user``, or None."""
    membership = (
        PartnerMembership.objects.for_user(user).select_related("partner").order_by("pk").first()
    )
    return membership.partner if membership else None
