"""Partner-Zugänge in the admin and the demo partner account."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from accounts.demo import DEMO_PARTNER_USERNAME, ensure_demo_partner_account
from accounts.roles import PARTNER_STAFF_GROUP
from partners.models import PartnerMembership
from tests.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = "/admin/snippets/partners/partnermembership/"


def test_superuser_adds_a_membership_in_the_admin(client, users, partner_b):
    user = UserFactory(username="neu")
    client.force_login(users["superuser"])
    listing = client.get(URL, {"q": "staff-a"})
    assert listing.status_code == 200
    response = client.post(f"{URL}add/", {"user": user.pk, "partner": partner_b.pk})
    assert response.status_code == 302
    assert PartnerMembership.objects.filter(user=user, partner=partner_b).exists()
    assert user.groups.filter(name=PARTNER_STAFF_GROUP).exists()


def test_duplicate_membership_gets_a_form_error(client, users, partner_a):
    client.force_login(users["superuser"])
    response = client.post(f"{URL}add/", {"user": users["staff_a"].pk, "partner": partner_a.pk})
    assert response.status_code == 200
    assert PartnerMembership.objects.filter(user=users["staff_a"]).count() == 1


def test_demo_partner_account_is_idempotent():
    partner = PartnerFactory(name="Lebenshilfe Finsterwalde e.V.", slug="lebenshilfe-finsterwalde")
    username, password = ensure_demo_partner_account("Demo-Partner-2026")
    assert (username, password) == (DEMO_PARTNER_USERNAME, "Demo-Partner-2026")
    ensure_demo_partner_account("")
    user = get_user_model().objects.get(username=DEMO_PARTNER_USERNAME)
    assert user.check_password("Demo-Partner-2026")
    assert list(PartnerMembership.objects.filter(user=user).values_list("partner", flat=True)) == [
        partner.pk
    ]
    assert user.groups.filter(name=PARTNER_STAFF_GROUP).exists()


def test_ensure_demo_admin_prints_the_partner_login(settings):
    settings.DEBUG = True
    PartnerFactory(name="Lebenshilfe Finsterwalde e.V.", slug="lebenshilfe-finsterwalde")
    settings.DEMO_ADMIN_PASSWORD = "Demo-Admin-2026"
    settings.DEMO_PARTNER_PASSWORD = "Demo-Partner-2026"
    out = StringIO()
    call_command("ensure_demo_admin", stdout=out)
    assert "Admin-Login:    redaktion / Demo-Admin-2026" in out.getvalue()
    assert "Partner-Login:  partner-demo / Demo-Partner-2026" in out.getvalue()
    assert get_user_model().objects.get(username="partner-demo").partner_memberships.exists()
