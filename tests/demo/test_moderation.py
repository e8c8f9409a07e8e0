"""The demo's coordinators and the change it leaves waiting in their moderation."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import TaskState, WorkflowState

from demo import network, pending_change
from demo.accounts import PARTNER_USERNAME, Role, demo_coordinators, ensure_account
from demo.publish import Changes
from moderation import rules
from partners.models import Partner

pytestmark = pytest.mark.django_db

COORDINATORS = [
    ("koordination-jobcenter", "Ausbildung / Arbeit", "jobcenter-elbe-elster"),
    ("koordination-eg", "Berufliche Fort- und Weiterbildung", "eg-projektagentur"),
    ("koordination-eepl", "Soziale Dienste", "eepl-gmbh"),
    ("koordination-horizont", "Gesundheit", "horizont-sozialwerk"),
]


def user(username):
    return get_user_model().objects.get(username=username)


def test_one_coordinator_login_per_field():
    network.load(Changes())
    logins = demo_coordinators("Demo-Koordination-2026")
    assert logins == [(name, "Demo-Koordination-2026", field) for name, field, _ in COORDINATORS]
    for username, field, partner_slug in COORDINATORS:
        account = user(username)
        assert [f.name for f in rules.coordinated_fields(account)] == [field]
        assert account.partner_memberships.get().partner.slug == partner_slug
        assert rules.has_admin_access(account) and not account.is_superuser
        assert account.check_password("Demo-Koordination-2026")
    again = demo_coordinators("")
    assert all(shown.startswith("(unverändert") for _name, shown, _field in again)
    assert get_user_model().objects.filter(username__startswith="koordination-").count() == 4


def test_demo_accounts_prints_the_coordinators(settings):
    settings.DEBUG = True
    settings.DEMO_COORDINATOR_PASSWORD = "Demo-Koordination-2026"
    network.load(Changes())
    out = StringIO()
    call_command("demo_accounts", stdout=out)
    assert (
        "  Koordination:   koordination-eepl / Demo-Koordination-2026  (Soziale Dienste, /admin/)"
        in out.getvalue()
    )
    assert out.getvalue().count("Koordination:") == 4


def pending_states():
    partner = Partner.objects.get(slug="lebenshilfe-finsterwalde")
    return WorkflowState.objects.for_instance(partner)


def test_load_leaves_one_change_waiting_for_both_fields():
    network.load(Changes())
    demo_coordinators("pw")
    pending_change.load(Changes())
    partner = Partner.objects.get(slug="lebenshilfe-finsterwalde")
    revisions = partner.revisions.count()
    state = pending_states().get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by.username == PARTNER_USERNAME
    assert partner.phone != pending_change.PENDING_PHONE
    assert partner.get_latest_revision().as_object().phone == pending_change.PENDING_PHONE
    task_state = state.current_task_state
    assert TaskState.objects.reviewable_by(user("koordination-eepl")).get() == task_state
    assert TaskState.objects.reviewable_by(user("koordination-horizont")).get() == task_state
    assert not TaskState.objects.reviewable_by(user("koordination-jobcenter")).exists()

    changes = Changes()
    network.load(changes)
    pending_change.load(changes)
    assert changes["geändert"] == 0 and changes["neu"] == 0
    assert pending_states().count() == 1
    partner.refresh_from_db()
    assert partner.revisions.count() == revisions
    assert partner.phone != pending_change.PENDING_PHONE


def test_after_approval_the_demo_values_return_and_the_change_waits_again(editor_user):
    network.load(Changes())
    pending_change.load(Changes())
    task_state = pending_states().get().current_task_state.specific
    task_state.task.specific.on_action(task_state, editor_user, "approve")
    approved = Partner.objects.get(slug="lebenshilfe-finsterwalde")
    assert approved.phone == pending_change.PENDING_PHONE
    network.load(Changes())
    pending_change.load(Changes())
    partner = Partner.objects.get(slug="lebenshilfe-finsterwalde")
    assert partner.phone == "03531 000007"
    assert partner.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_demo_editor_is_no_coordinator():
    network.load(Changes())
    editor, _ = ensure_account("b-editor", "pw-editor-1", Role.EDITOR)
    assert {group.name for group in editor.groups.all()} == {"Redaktion", "Moderation"}
    assert not rules.is_coordinator(editor)
