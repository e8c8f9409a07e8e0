"""Partner-Zugänge in the admin (the demo partner account: tests/demo/)."""

import pytest

from accounts.roles import PARTNER_STAFF_GROUP
from partners.models import PartnerMembership
from tests.factories import UserFactory

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
