"""The demo partner staff account (development only, created by ``ensure_demo_admin``)."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model

from accounts.roles import partner_staff_group
from partners.models import PartnerMembership

DEMO_PARTNER_USERNAME = "partner-demo"
DEMO_PARTNER_SLUG = "lebenshilfe-finsterwalde"


def ensure_demo_partner_account(password: str = "") -> tuple[str, str]:
    """Create (or update the password of) the demo account; returns (username, shown password).

    The account belongs to Lebenshilfe Finsterwalde e.V. when the demo partners
    are loaded, and is always in the group "Partner-Mitarbeitende".
    """
    from partners.models import Partner

    user_model = get_user_model()
    user = user_model.objects.filter(username=DEMO_PARTNER_USERNAME).first()
    if user is None:
        password = password or secrets.token_urlsafe(12)
        user = user_model.objects.create_user(
            DEMO_PARTNER_USERNAME,
            "partner-demo@example.org",
            password,
            first_name="Demo",
            last_name="Partnerin",
        )
    elif password:
        user.set_password(password)
        user.save(update_fields=["password"])
    user.groups.add(partner_staff_group())
    partner = Partner.objects.filter(slug=DEMO_PARTNER_SLUG).first()
    if partner is not None:
        PartnerMembership.objects.get_or_create(
            user=user, partner=partner, defaults={"position": "Beratung"}
        )
    shown = password or "(unverändert, siehe erste Ausgabe oder DEMO_PARTNER_PASSWORD setzen)"
    return DEMO_PARTNER_USERNAME, shown
