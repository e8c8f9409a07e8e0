"""From the form to the moderation workflow, without ever writing the live entry.

The form edits a copy: the latest revision while a change is pending, else the
live entry. Saving makes a draft revision of that copy (``save_revision`` writes
only the bookkeeping columns of the row) and submits it to the entry's workflow
the way Wagtail's own edit view does: a workflow waiting for changes is resumed,
one still in progress is cancelled and started again on the new revision.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from partners.entry.forms import EntryForms
from partners.models import Partner

NO_WORKFLOW = _(
    "Ihre Änderung konnte nicht eingereicht werden: Für Partnereinträge ist noch kein "
    "Freigabe-Ablauf eingerichtet. Ihre Angaben sind unten noch vorhanden; bitte wenden "
    "Sie sich an die Netzwerkkoordination."
)
LOCKED = _(
    "Ihre Änderung konnte nicht eingereicht werden: Die Redaktion bearbeitet Ihren Eintrag "
    "gerade. Ihre Angaben sind unten noch vorhanden; bitte versuchen Sie es später noch einmal."
)


class SubmissionRefused(Exception):
    """The change cannot go into moderation now; nothing was saved."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


def live_entry(partner_id: int) -> Partner:
    """The row as the public sees it, freshly read."""
    return Partner.objects.get(pk=partner_id)


def editable_copy(partner_id: int) -> Partner:
    """What the form starts from: the latest revision if a change is pending, else the live
    entry. A separate instance, so nothing done to it reaches the row's public fields."""
    return live_entry(partner_id).get_latest_revision_as_object()


def _apply_forms(copy: Partner, forms: EntryForms) -> None:
    """Put the valid forms' values on ``copy``; address fields are already set by the form."""
    copy.description = forms.entry.description_html()
    copy.topics.set(forms.entry.topic_names())
    row_block = Partner._meta.get_field("opening_hours").stream_block.child_blocks["row"]
    copy.opening_hours = [("row", row_block.to_python(row)) for row in forms.rows()]
    copy.contact_persons = forms.kept_persons()


@transaction.atomic
def submit(copy: Partner, forms: EntryForms, user) -> WorkflowState:
    """Put the valid ``forms`` on ``copy``, save it as a draft revision by ``user`` and put
    it into moderation.

    Raises :class:`SubmissionRefused` before anything is saved (new topic tags included)
    if no workflow is assigned to partners or an editor holds the entry's lock.
    """
    row = Partner.objects.select_for_update().get(pk=copy.pk)
    if row.locked and row.locked_by_id != user.pk:
        raise SubmissionRefused(LOCKED)
    workflow = row.get_workflow()
    if workflow is None:
        raise SubmissionRefused(NO_WORKFLOW)
    _apply_forms(copy, forms)
    copy.save_revision(user=user, log_action=True)
    state = row.current_workflow_state
    needs_changes = state and state.status == WorkflowState.STATUS_NEEDS_CHANGES
    if needs_changes and state.workflow_id == workflow.pk:
        state.resume(user)
        return state
    if state:
        state.cancel(user=user)
    return workflow.start(copy, user)
