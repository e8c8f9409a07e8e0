"""Mails to partner staff about the change they submitted at /konto/eintrag/.

When the moderation of a partner entry ends – approved, or changes requested – the
member who submitted it gets a short German mail with the outcome, the coordinator's
comment and the link back to their entry. Only members without admin access: editors
read Wagtail's own notifications, which link into the admin; the moderation app sends
those only to requesters with admin access, so nobody gets both. Connected in
AccountsConfig.ready().
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from accounts.roles import is_active_account, is_editor
from partners.entry.status import format_moment
from partners.models import Partner, PartnerMembership

logger = logging.getLogger(__name__)

APPROVED = "approved"
REJECTED = "rejected"


def member_submitter(state: WorkflowState):
    """The submitter of a partner entry's workflow if a mail from us is theirs, else None."""
    partner = state.content_object
    user = state.requested_by
    if not isinstance(partner, Partner) or not is_active_account(user) or is_editor(user):
        return None
    if not user.email:
        return None
    if not PartnerMembership.objects.for_user(user).filter(partner=partner).exists():
        return None
    return user


def entry_url(partner: Partner) -> str:
    path = reverse("konto:entry_for", kwargs={"partner_id": partner.pk})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def deciding_task_state(state: WorkflowState, outcome: str) -> TaskState | None:
    if outcome == REJECTED:
        return state.current_task_state
    return (
        state.task_states.filter(status=TaskState.STATUS_APPROVED).order_by("-finished_at").first()
    )


def send_outcome(state: WorkflowState, outcome: str) -> None:
    user = member_submitter(state)
    if user is None:
        return
    partner = state.content_object
    task_state = deciding_task_state(state, outcome)
    context = {
        "user": user,
        "partner": partner,
        "approved": outcome == APPROVED,
        "comment": task_state.comment if task_state else "",
        "when": format_moment(task_state.finished_at) if task_state else "",
        "url": entry_url(partner),
    }
    subject = " ".join(render_to_string("accounts/entry_mail_subject.txt", context).split())
    body = render_to_string("accounts/entry_mail.txt", context)

    def send() -> None:
        send_mail(subject, body, None, [user.email])
        logger.info("Entry %s %s: mail to %s", partner.pk, outcome, user.pk)

    transaction.on_commit(send)


def on_approved(sender, instance: WorkflowState, **kwargs) -> None:
    send_outcome(instance, APPROVED)


def on_rejected(sender, instance: WorkflowState, **kwargs) -> None:
    send_outcome(instance, REJECTED)


def connect() -> None:
    workflow_approved.connect(on_approved, dispatch_uid="accounts_entry_approved")
    workflow_rejected.connect(on_rejected, dispatch_uid="accounts_entry_rejected")
