"""Running totals of the render pipeline that no ledger row keeps: the sweeper's runs and
resends, render failures. Rows in the database, so every process on every host adds to
the same number and the metrics endpoint reads one truth."""

from __future__ import annotations

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PipelineCounter(models.Model):
    class Name(models.TextChoices):
        SWEEPS = "sweeps", _("Läufe des Aufräumers")
        RESENDS = "resends", _("vom Aufräumer erneut gesendete Aufträge")
        FAILURES = "failures", _("fehlgeschlagene Aufträge")

    name = models.CharField(_("Zähler"), max_length=30, primary_key=True, choices=Name)
    value = models.BigIntegerField(_("Stand"), default=0)
    updated_at = models.DateTimeField(_("zuletzt erhöht"), default=timezone.now)

    class Meta:
        verbose_name = _("Zähler der PDF-Erzeugung")
        verbose_name_plural = _("Zähler der PDF-Erzeugung")

    def __str__(self) -> str:
        return f"{self.get_name_display()}: {self.value}"

    @classmethod
    def add(cls, name: str, amount: int = 1) -> None:
        """Add ``amount`` (0 still marks the time: a sweep that found nothing ran too)."""
        now = timezone.now()
        updated = cls.objects.filter(name=name).update(value=F("value") + amount, updated_at=now)
        if not updated:
            cls.objects.get_or_create(name=name, defaults={"value": 0, "updated_at": now})
            cls.objects.filter(name=name).update(value=F("value") + amount, updated_at=now)

    @classmethod
    def values(cls) -> dict[str, PipelineCounter]:
        return {counter.name: counter for counter in cls.objects.all()}
