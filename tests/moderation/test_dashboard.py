"""The dashboard panel of overdue entries: coordinators see their fields', the editorial team
all; entries without members, which get no reminder, come first."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import PartnerFactory, PartnerStaffFactory, PolicyFieldFactory

pytestmark = pytest.mark.django_db

HEADING = "sollten geprüft werden"


@pytest.fixture
def overdue(coordinated_field):
    other = PolicyFieldFactory(name="Feld B (Test)", slug="feld-b-test")
    old = timezone.now() - timedelta(days=200)
    mine = PartnerFactory(name="Verein in Feld A", policy_fields=[coordinated_field])
    quiet = PartnerFactory(name="Ohne Zugang in Feld A", policy_fields=[coordinated_field])
    foreign = PartnerFactory(name="Verein in Feld B", policy_fields=[other])
    current = PartnerFactory(name="Aktuell in Feld A", policy_fields=[coordinated_field])
    PartnerStaffFactory(partner=mine)
    PartnerStaffFactory(partner=foreign)
    for partner in (mine, quiet, foreign):
        type(partner).objects.filter(pk=partner.pk).update(last_published_at=old)
    type(current).objects.filter(pk=current.pk).update(last_published_at=timezone.now())
    return {"mine": mine, "quiet": quiet, "foreign": foreign, "current": current}


def dashboard(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_coordinators_see_the_overdue_entries_of_their_fields(client, coordinator_user, overdue):
    html = dashboard(client, coordinator_user)
    assert f"2 Einträge {HEADING}" in html
    assert html.index("Ohne Zugang in Feld A") < html.index("Verein in Feld A")
    assert "keiner – keine Erinnerung" in html
    assert "Verein in Feld B" not in html and "Aktuell in Feld A" not in html


def test_the_editorial_team_sees_every_overdue_entry(client, editor_user, overdue):
    html = dashboard(client, editor_user)
    assert f"3 Einträge {HEADING}" in html
    assert "Verein in Feld B" in html


def test_accounts_that_look_after_no_entry_do_not_see_the_panel(client, admin_access_user, overdue):
    assert HEADING not in dashboard(client, admin_access_user)
