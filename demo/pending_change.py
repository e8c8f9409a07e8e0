"""One change waiting in the coordinators' moderation, so the workflow has something to show.

The demo partner account (Lebenshilfe Finsterwalde e.V., policy fields "Soziale
Dienste" and "Gesundheit") has submitted a new phone number: the coordinators of
both fields see it on their dashboard, and it goes live when both approved. While
the entry is in moderation a second ``load_demo`` leaves it alone; once it was
approved, the demo values come back (demo.publish) and the change is submitted again.
"""

from __future__ import annotations

from demo.accounts import PARTNER_SLUG, demo_partner_account
from demo.content.network import sample_phone
from demo.publish import Changes
from partners.models import Partner

#: The submitted phone number, invented like every demo number (subscriber number 0…).
PENDING_PHONE = sample_phone("Finsterwalde", 99)


def load(changes: Changes) -> str:
    partner = Partner.objects.filter(slug=PARTNER_SLUG).first()
    if partner is None or partner.get_workflow() is None:
        return "Moderation: kein Demo-Partner mit Freigabe-Workflow."
    if partner.current_workflow_state is not None:
        changes["unverändert"] += 1
        return f"Moderation: die Änderung von {partner} wartet auf Freigabe."
    staff = demo_partner_account()
    partner.phone = PENDING_PHONE
    partner.save_revision(user=staff)
    partner.get_workflow().start(partner, staff)
    changes["neu"] += 1
    return f"Moderation: neue Telefonnummer von {partner} zur Freigabe eingereicht."
