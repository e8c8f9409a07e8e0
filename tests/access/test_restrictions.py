"""A handout's page privacy follows its live checkbox and the editors' groups."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import PageViewRestriction

from accounts.roles import PARTNER_STAFF_GROUP
from documents.access import can_view_page
from tests.fixtures.roles import PASSWORD
from tests.fixtures.scenarios import publish

pytestmark = pytest.mark.django_db


def test_restriction_follows_the_live_checkbox(handouts, users):
    page = handouts["restricted"]
    restriction = PageViewRestriction.objects.get(page=page)
    assert set(restriction.groups.values_list("name", flat=True)) >= {
        PARTNER_STAFF_GROUP,
        "Redaktion",
        "Moderation",
    }
    page.only_for_partner_staff = False
    page.save_revision()  # a draft does not lift the restriction
    assert PageViewRestriction.objects.filter(page=page).exists()
    assert not can_view_page(None, page)
    publish(page, only_for_partner_staff=False)
    assert not PageViewRestriction.objects.filter(page=page).exists()
    assert can_view_page(None, page)


def test_new_editor_group_is_added_to_restrictions(handouts, django_user_model):
    group = Group.objects.create(name="Redaktion Süd")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("red-sued", password=PASSWORD)
    user.groups.add(group)
    assert can_view_page(user, handouts["restricted"])
    assert PageViewRestriction.objects.filter(page=handouts["restricted"], groups=group).exists()
