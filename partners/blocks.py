"""StreamField blocks of the partner network (opening hours of a contact point)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class OpeningHoursBlock(blocks.StructBlock):
    """One row of opening hours, e.g. „Montag bis Freitag – nach Vereinbarung“."""

    days = blocks.CharBlock(label=_("Tage"), max_length=80)
    hours = blocks.CharBlock(label=_("Zeiten"), max_length=120)

    class Meta:
        icon = "time"
        label = _("Öffnungszeit")
        template = "partners/blocks/opening_hours.html"
        description = _("Eine Zeile der Öffnungs- oder Sprechzeiten")
        preview_value = {"days": "Montag bis Freitag", "hours": "nach Vereinbarung"}
