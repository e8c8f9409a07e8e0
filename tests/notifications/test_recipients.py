"""Who is told about a change: defaults by policy field, choices, and documents.access."""

import pytest

from notifications import recipients
from notifications.models import Frequency
from tests.factories import EditorFactory, UserFactory
from tests.fixtures.scenarios import publish

pytestmark = pytest.mark.django_db


def by_name(found) -> dict[str, str]:
    return {recipient.user.username: recipient.frequency for recipient in found}


def test_partner_staff_of_the_field_get_it_at_once_by_default(handout, staff):
    assert by_name(recipients.recipients(handout)) == {"anna": "immediate", "ben": "immediate"}


def test_choices_override_the_default(handout, staff, field):
    recipients.set_choice(staff["anna"], [field.pk], Frequency.WEEKLY)
    recipients.set_choice(staff["ben"], [field.pk], Frequency.NONE)
    recipients.set_choice(staff["clara"], [field.pk], Frequency.IMMEDIATE)
    assert by_name(recipients.recipients(handout)) == {"anna": "weekly", "clara": "immediate"}


def test_the_quicker_choice_wins_for_a_handout_in_two_fields(handout, staff, field, other_field):
    handout.policy_fields.set([field, other_field])
    publish(handout)
    recipients.set_choice(staff["anna"], [field.pk], Frequency.NONE)
    recipients.set_choice(staff["anna"], [other_field.pk], Frequency.WEEKLY)
    found = {r.user.username: r for r in recipients.recipients(handout)}
    assert found["anna"].frequency == "weekly"
    assert found["anna"].policy_field_ids == [other_field.pk]
    assert found["clara"].policy_field_ids == [other_field.pk]


def test_a_restricted_handout_reaches_only_those_who_may_read_it(handout, staff, field, change_to):
    outsider = UserFactory(username="ohne-rolle")
    editor = EditorFactory(username="redakteurin")
    for user in (outsider, editor):
        recipients.set_choice(user, [field.pk], Frequency.IMMEDIATE)
    everyone = {"anna", "ben", "ohne-rolle", "redakteurin"}
    assert set(by_name(recipients.recipients(handout))) == everyone
    change_to(handout, "Nur intern.", only_for_partner_staff=True)
    assert set(by_name(recipients.recipients(handout))) == {"anna", "ben", "redakteurin"}
    assert not recipients.still_wanted(outsider, handout, [field.pk])
    assert recipients.still_wanted(staff["anna"], handout, [field.pk])


def test_accounts_without_address_or_inactive_are_left_out(handout, staff):
    staff["anna"].email = ""
    staff["anna"].save()
    staff["ben"].is_active = False
    staff["ben"].save()
    assert recipients.recipients(handout) == []


def test_a_handout_without_policy_field_is_announced_to_nobody(handout, staff):
    handout.policy_fields.clear()
    publish(handout)
    assert recipients.recipients(handout) == []


def test_choices_for_shows_defaults_and_choices(staff, field, other_field):
    assert recipients.choices_for(staff["anna"]) == {field.pk: "immediate", other_field.pk: "none"}
    recipients.set_choice(staff["anna"], [other_field.pk], Frequency.WEEKLY)
    assert recipients.choices_for(staff["anna"])[other_field.pk] == "weekly"
