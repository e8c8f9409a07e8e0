"""Workflow mails: approvers per field, once each, in German; requesters only with admin access."""

from collections import Counter

import pytest
from django.core import mail

from moderation import rules
from tests.factories import CoordinatorFactory, PolicyFieldFactory
from tests.fixtures.workflow import act, submit

pytestmark = pytest.mark.django_db

SUBMITTED = 'wurde zur Freigabe in Moderationsphase "Freigabe durch die Koordination" eingereicht'


def recipients() -> Counter:
    return Counter(address for message in mail.outbox for address in message.to)


def test_submission_reaches_each_approver_once_in_german(
    entry_ab, coordinator_a, coordinator_b, editor_user, moderator, superuser, staff_of
):
    other_field = PolicyFieldFactory(name="Feld C (Test)", slug="feld-c-test")
    outsider = CoordinatorFactory(username="koordination-c", field=other_field)
    staff = staff_of(entry_ab)
    submit(entry_ab, staff, phone="03531 000044")
    wanted = {coordinator_a, coordinator_b, editor_user, moderator, superuser}
    assert recipients() == Counter(user.email for user in wanted)
    assert outsider.email not in recipients() and staff.email not in recipients()
    to_coordinator = next(m for m in mail.outbox if m.to == [coordinator_a.email])
    assert to_coordinator.subject == f'Netzwerkpartner "Verein AB (Test)" {SUBMITTED}.'
    assert to_coordinator.body.startswith("Hallo koordination-a,")
    assert "Sie können das Netzwerkpartner-Objekt hier bearbeiten:" in to_coordinator.body
    assert "submitted" not in to_coordinator.body


def test_handout_submission_names_the_page_and_skips_other_fields(
    handout_a, coordinator_a, coordinator_b, editor_user
):
    submit(handout_a, editor_user, title="Anleitung Feld A, neu")
    assert coordinator_b.email not in recipients()
    assert editor_user.email not in recipients()  # the requester is not told about their own
    message = next(m for m in mail.outbox if m.to == [coordinator_a.email])
    assert message.subject == (
        "Die Seite „Anleitung Feld A, neu“ wurde zur Freigabe in Moderationsphase "
        "„Freigabe durch die Koordination“ eingereicht."
    )
    assert f"/admin/pages/{handout_a.pk}/edit/" in message.body


def test_changes_requested_reach_an_admin_requester_with_the_comment(
    client, handout_a, coordinator_a, editor_user
):
    state = submit(handout_a, editor_user, title="Anleitung Feld A, neu")
    mail.outbox.clear()
    act(client, coordinator_a, handout_a, state, "reject", comment="Bitte kürzer fassen.")
    assert [m.to for m in mail.outbox] == [[editor_user.email]]
    message = mail.outbox[0]
    assert "abgelehnt" in message.subject
    assert "Anleitung Feld A, neu" in message.subject
    assert "Bitte kürzer fassen." in message.body
    assert "Kommentar" in message.body


def test_approval_reaches_an_admin_requester(client, handout_a, coordinator_a, editor_user):
    state = submit(handout_a, editor_user, title="Anleitung Feld A, neu")
    mail.outbox.clear()
    act(client, coordinator_a, handout_a, state)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (
            [editor_user.email],
            "Die Seite „Anleitung Feld A, neu“ wurde in "
            "„Freigabe durch die Koordination“ freigegeben.",
        )
    ]


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_partner_staff_get_no_admin_mail(client, entry_a, coordinator_a, staff_of, action):
    """The self-service tells them itself; Wagtail's mails would link into the admin."""
    staff = staff_of(entry_a)
    assert not rules.has_admin_access(staff)
    state = submit(entry_a, staff, phone="03531 000066")
    mail.outbox.clear()
    act(client, coordinator_a, entry_a, state, action, comment="Danke.")
    assert staff.email not in recipients()
    assert state.workflow_state.requested_by == staff


def test_admin_access_is_what_decides(editor_user, coordinator_a, partner_staff_user):
    assert rules.has_admin_access(editor_user)
    assert rules.has_admin_access(coordinator_a)
    assert not rules.has_admin_access(partner_staff_user)
