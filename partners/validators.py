"""Checks for the contact data of partners, contact points and contact persons.

They sit on the model fields, so the admin snippet, the partner self-service form
and every other ModelForm reject the same input with the same German message.
"""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

validate_postcode = RegexValidator(
    r"^\d{5}$",
    _("Bitte eine fünfstellige Postleitzahl angeben, z. B. 04916."),
    code="postcode",
)

validate_phone = RegexValidator(
    r"^\+?[0-9][0-9 ()/\-]*[0-9]$",
    _(
        "Bitte eine Telefonnummer nur aus Ziffern angeben, gern mit Leerzeichen, "
        "„/“, „-“, Klammern oder „+“ vorn, z. B. 03535 46-0."
    ),
    code="phone",
)
