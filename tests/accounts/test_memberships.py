"""A membership is what puts an account into the group "Partner-Mitarbeitende"."""

import pytest

from accounts.roles import PARTNER_STAFF_GROUP, is_partner_staff

pytestmark = pytest.mark.django_db


def test_deleting_the_partner_takes_its_staff_out_of_the_group(users, partner_a):
    """The memberships go with the partner (cascade), and with them the role."""
    staff = users["staff_a"]
    assert is_partner_staff(staff)
    partner_a.delete()
    assert not staff.groups.filter(name=PARTNER_STAFF_GROUP).exists()
    assert is_partner_staff(users["staff_b"])
