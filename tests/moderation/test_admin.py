"""Coordinators edit handouts and partner entries of their own fields only."""

import pytest
from django.urls import reverse

from moderation import rules
from tests.fixtures.workflow import edit_url, submit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("obj", ["handout_a", "entry_a"])
def test_coordinator_edits_in_own_field(client, request, coordinator_a, obj):
    target = request.getfixturevalue(obj)
    client.force_login(coordinator_a)
    response = client.get(edit_url(target))
    assert response.status_code == 200


@pytest.mark.parametrize("obj", ["handout_b", "entry_b"])
def test_coordinator_is_refused_outside_own_field(client, request, coordinator_a, obj):
    target = request.getfixturevalue(obj)
    client.force_login(coordinator_a)
    response = client.get(edit_url(target))
    assert response.status_code == 403
    assert "Nicht Ihr Politikfeld" in response.text
    assert "Feld B (Test)" in response.text and "Feld A (Test)" in response.text
    assert client.post(edit_url(target), {}).status_code == 403


def test_refusal_also_for_a_change_moving_an_entry_into_own_field(
    client, entry_b, field_a, coordinator_a, staff_of
):
    """While a change that adds field A is in moderation, field A's coordinator may edit."""
    entry_b.policy_fields = [field_a]
    submit(entry_b, staff_of(entry_b))
    client.force_login(coordinator_a)
    assert client.get(edit_url(entry_b)).status_code == 200


@pytest.mark.parametrize("user", ["editor_user", "moderator", "superuser"])
def test_editorial_team_is_never_refused(client, request, handout_b, entry_b, user):
    """The guard only narrows coordinators; the editorial groups' own rights decide."""
    account = request.getfixturevalue(user)
    assert rules.may_edit(account, handout_b) and rules.may_edit(account, entry_b)
    client.force_login(account)
    assert client.get(edit_url(handout_b)).status_code == 200


def test_superuser_edits_partner_entries_of_every_field(client, superuser, entry_b):
    client.force_login(superuser)
    assert client.get(edit_url(entry_b)).status_code == 200


def test_explorer_lists_only_own_handouts(
    client, handout_index, handout_a, handout_b, coordinator_a
):
    client.force_login(coordinator_a)
    response = client.get(reverse("wagtailadmin_explore", args=(handout_index.pk,)))
    assert response.status_code == 200
    assert "Anleitung Feld A" in response.text
    assert "Anleitung Feld B" not in response.text
    # Wagtail starts their explorer at the index, the root of their page permissions.
    above = client.get(reverse("wagtailadmin_explore", args=(handout_index.get_parent().pk,)))
    assert above["Location"] == reverse("wagtailadmin_explore", args=(handout_index.pk,))


def test_dashboard_shows_what_waits_for_the_coordinator(
    client, entry_a, entry_b, coordinator_a, staff_of
):
    submit(entry_a, staff_of(entry_a), phone="03531 000012")
    submit(entry_b, staff_of(entry_b), phone="03535 000013")
    client.force_login(coordinator_a)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Verein A (Test)" in response.text
    assert "Verein B (Test)" not in response.text


def test_coordinator_may_not_edit_the_handout_index(client, handout_index, coordinator_a):
    """Their page permissions on the index reach the index itself; the rule does not."""
    client.force_login(coordinator_a)
    assert client.get(edit_url(handout_index)).status_code == 403
