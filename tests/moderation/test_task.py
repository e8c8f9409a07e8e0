"""The task "Freigabe durch die Koordination": who approves, partial approvals, results."""

import pytest
from django.contrib.messages import get_messages
from wagtail.models import ModelLogEntry, PageLogEntry, TaskState, WorkflowState

from moderation import rules
from moderation.models import FIELD_APPROVAL_ACTION, PolicyFieldApprovalTask
from partners.models import Partner
from tests.fixtures.workflow import act, submit

pytestmark = pytest.mark.django_db


def assert_refused(response):
    """Wagtail answers a refused admin action with a redirect to the dashboard and a message."""
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("keinen Zugang" in message for message in messages)


def test_handouts_and_partner_entries_get_the_coordination_workflow(handout_a, entry_a):
    for obj in (handout_a, entry_a):
        assert obj.get_workflow().name == "Freigabe durch die Koordination"
        assert isinstance(obj.get_workflow().tasks.specific().get(), PolicyFieldApprovalTask)


def test_coordinator_approves_handout_of_own_field_and_it_goes_live(
    client, handout_a, coordinator_a, editor_user
):
    state = submit(handout_a, editor_user, title="Anleitung Feld A, neu")
    response = act(client, coordinator_a, handout_a, state)
    assert response.status_code == 302
    handout_a.refresh_from_db()
    assert handout_a.title == "Anleitung Feld A, neu"
    assert handout_a.live and not handout_a.has_unpublished_changes
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_APPROVED


def test_coordinator_of_other_field_can_neither_approve_nor_reject(
    client, handout_b, entry_b, coordinator_a, editor_user
):
    for obj in (handout_b, entry_b):
        state = (
            submit(obj, editor_user, name="geändert")
            if obj is entry_b
            else submit(obj, editor_user, title="geändert")
        )
        assert state.task.specific.get_actions(obj, coordinator_a) == []
        for action in ("approve", "reject"):
            assert_refused(act(client, coordinator_a, obj, state, action))
        assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_partner_entry_goes_live_with_the_new_phone_number(
    client, entry_a, coordinator_a, staff_of
):
    state = submit(entry_a, staff_of(entry_a), phone="03531 000099")
    assert Partner.objects.get(pk=entry_a.pk).phone == "03531 000001"
    assert act(client, coordinator_a, entry_a, state).status_code == 302
    entry = Partner.objects.get(pk=entry_a.pk)
    assert entry.phone == "03531 000099"
    assert entry.live and not entry.has_unpublished_changes


def test_two_fields_need_a_coordinator_of_each(
    client, entry_ab, coordinator_a, coordinator_b, staff_of
):
    state = submit(entry_ab, staff_of(entry_ab), phone="03531 000077")
    act(client, coordinator_a, entry_ab, state, comment="Für Feld A passt es.")
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS
    assert [field.name for field in state.approved_fields.all()] == ["Feld A (Test)"]
    assert Partner.objects.get(pk=entry_ab.pk).phone == "03531 000003"
    entry = ModelLogEntry.objects.get(action=FIELD_APPROVAL_ACTION)
    assert entry.user_id == coordinator_a.pk
    assert entry.message == (
        "Freigegeben für Feld A (Test); es fehlt noch die Freigabe für Feld B (Test)."
    )
    assert entry.comment == "Für Feld A passt es."
    # The first coordinator has nothing left to approve, and no longer sees it to review.
    assert not rules.may_approve(coordinator_a, state)
    assert not TaskState.objects.reviewable_by(coordinator_a).exists()
    assert TaskState.objects.reviewable_by(coordinator_b).get().pk == state.pk
    assert_refused(act(client, coordinator_a, entry_ab, state))

    act(client, coordinator_b, entry_ab, state)
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_APPROVED
    assert Partner.objects.get(pk=entry_ab.pk).phone == "03531 000077"


def test_two_field_handout_needs_both_coordinators(
    client, handout_ab, coordinator_a, coordinator_b, editor_user
):
    state = submit(handout_ab, editor_user, title="Beide Felder, neu")
    act(client, coordinator_b, handout_ab, state)
    handout_ab.refresh_from_db()
    assert handout_ab.title == "Anleitung beider Felder"
    assert PageLogEntry.objects.filter(action=FIELD_APPROVAL_ACTION, page=handout_ab).exists()
    act(client, coordinator_a, handout_ab, state)
    handout_ab.refresh_from_db()
    assert handout_ab.title == "Beide Felder, neu"


@pytest.mark.parametrize("approver", ["editor_user", "moderator", "superuser"])
def test_editorial_team_approves_at_once(client, request, entry_ab, staff_of, approver):
    user = request.getfixturevalue(approver)
    state = submit(entry_ab, staff_of(entry_ab), phone="03531 000055")
    act(client, user, entry_ab, state)
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_APPROVED
    assert Partner.objects.get(pk=entry_ab.pk).phone == "03531 000055"


def test_moving_an_entry_to_another_field_needs_both_fields(
    client, entry_a, field_b, coordinator_a, coordinator_b, staff_of
):
    """The live entry is in field A, the change moves it to B: both coordinators approve."""
    entry_a.policy_fields = [field_b]
    state = submit(entry_a, staff_of(entry_a))
    assert {field.slug for field in rules.task_state_fields(state)} == {
        "feld-a-test",
        "feld-b-test",
    }
    act(client, coordinator_b, entry_a, state)
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS
    act(client, coordinator_a, entry_a, state)
    entry = Partner.objects.get(pk=entry_a.pk)
    assert [field.slug for field in entry.policy_fields.all()] == ["feld-b-test"]


def test_entry_without_fields_is_approved_by_the_editorial_team_only(
    client, coordinator_a, editor_user, staff_of
):
    entry = Partner.objects.create(name="Ohne Feld (Test)", slug="ohne-feld", live=True)
    state = submit(entry, staff_of(entry), phone="03531 000011")
    assert_refused(act(client, coordinator_a, entry, state))
    act(client, editor_user, entry, state)
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_APPROVED


def test_request_changes_with_comment(client, entry_a, coordinator_a, staff_of):
    state = submit(entry_a, staff_of(entry_a), phone="03531 000088")
    act(client, coordinator_a, entry_a, state, "reject", comment="Bitte die Vorwahl prüfen.")
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_REJECTED
    assert state.comment == "Bitte die Vorwahl prüfen."
    assert state.workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert Partner.objects.get(pk=entry_a.pk).phone == "03531 000001"


def test_lock_and_editor_access_follow_the_fields(entry_a, entry_b, coordinator_a, staff_of):
    state_a = submit(entry_a, staff_of(entry_a), phone="03531 000021")
    submit(entry_b, staff_of(entry_b), phone="03535 000022")
    task = state_a.task.specific
    assert task.user_can_access_editor(entry_a, coordinator_a)
    assert not task.locked_for_user(entry_a, coordinator_a)
    assert task.user_can_lock(entry_a, coordinator_a)
    assert not task.user_can_access_editor(entry_b, coordinator_a)
    assert task.locked_for_user(entry_b, coordinator_a)
    assert not task.user_can_lock(entry_b, coordinator_a)
    assert task.locked_for_user(entry_a, staff_of(entry_b))


def test_actions_have_wagtails_names_and_german_labels(entry_a, coordinator_a, staff_of):
    state = submit(entry_a, staff_of(entry_a), phone="03531 000031")
    actions = state.task.specific.get_actions(entry_a, coordinator_a)
    assert [(name, str(label)) for name, label, _modal in actions] == [
        ("reject", "Änderungen anfordern"),
        ("approve", "Freigeben"),
        ("approve", "Mit Kommentar genehmigen"),
    ]
    assert "Politikfeld" in str(PolicyFieldApprovalTask.get_description())


def test_draft_saved_while_waiting_counts_too(client, entry_a, field_b, coordinator_a, staff_of):
    """The latest draft is what gets published, so its fields must approve as well."""
    state = submit(entry_a, staff_of(entry_a), phone="03531 000041")
    entry_a.policy_fields = [field_b]
    entry_a.save_revision(user=staff_of(entry_a))
    assert {field.slug for field in rules.task_state_fields(state)} == {
        "feld-a-test",
        "feld-b-test",
    }
    act(client, coordinator_a, entry_a, state)
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS
