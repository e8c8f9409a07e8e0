"""Where a partner's change stands, in words, and what the public sees next to it.

Read from Wagtail's workflow records only (WorkflowState, TaskState), so it works
with whatever task the moderation workflow uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import TaskState, WorkflowState

from partners.entry.text import richtext_to_plain
from partners.models import Partner


class Stage:
    NONE = "none"
    DRAFT = "draft"
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True)
class EntryStatus:
    stage: str
    when: datetime | None = None
    comment: str = ""

    @property
    def sentence(self) -> str:
        """The status as the page and the mails say it."""
        when = format_moment(self.when) if self.when else ""
        if self.stage == Stage.PENDING:
            return _("eingereicht am %(when)s – wartet auf Freigabe durch die Koordination") % {
                "when": when
            }
        if self.stage == Stage.APPROVED:
            return _("freigegeben am %(when)s") % {"when": when}
        if self.stage == Stage.REJECTED:
            return _("abgelehnt / Änderungen erbeten am %(when)s") % {"when": when}
        if self.stage == Stage.DRAFT:
            return _("eine Änderung ist gespeichert, aber nicht zur Freigabe eingereicht")
        return _("keine Änderung in Prüfung")

    @property
    def is_pending(self) -> bool:
        return self.stage == Stage.PENDING


def format_moment(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "j. F Y, H:i") + " Uhr"


def latest_workflow_state(partner: Partner) -> WorkflowState | None:
    return (
        partner.workflow_states.select_related("current_task_state")
        .order_by("-created_at", "-pk")
        .first()
    )


def entry_status(partner: Partner) -> EntryStatus:
    """The stage of the entry's latest workflow, with the date and the coordinator's comment."""
    state = latest_workflow_state(partner)
    task_state = state.current_task_state if state else None
    if state is None or state.status == WorkflowState.STATUS_CANCELLED:
        stage = Stage.DRAFT if partner.has_unpublished_changes else Stage.NONE
        return EntryStatus(stage)
    if state.status == WorkflowState.STATUS_IN_PROGRESS:
        return EntryStatus(Stage.PENDING, task_state.started_at if task_state else state.created_at)
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return EntryStatus(Stage.REJECTED, task_state.finished_at, task_state.comment)
    if partner.has_unpublished_changes:  # changed again since, without submitting
        return EntryStatus(Stage.DRAFT)
    approval = (
        state.task_states.filter(status=TaskState.STATUS_APPROVED).order_by("-finished_at").first()
    )
    if approval is None:
        return EntryStatus(Stage.APPROVED, state.created_at)
    return EntryStatus(Stage.APPROVED, approval.finished_at, approval.comment)


@dataclass(frozen=True)
class ComparedField:
    label: str
    live: str
    pending: str

    @property
    def changed(self) -> bool:
        return self.live != self.pending


def _address(partner: Partner) -> str:
    town = " ".join(part for part in (partner.postcode, partner.town) if part)
    return "\n".join(part for part in (partner.street, town) if part)


def _topics(partner: Partner) -> str:
    return ", ".join(sorted(tag.name for tag in partner.topics.all()))


def _opening_hours(partner: Partner) -> str:
    return "\n".join(
        f"{block.value['days']}: {block.value['hours']}" for block in partner.opening_hours
    )


def _contact_persons(partner: Partner) -> str:
    return "\n".join(
        ", ".join(part for part in (person.name, person.role, person.phone, person.email) if part)
        for person in partner.public_contact_persons()
    )


FIELDS = [
    (gettext_lazy("Beschreibung"), lambda partner: richtext_to_plain(partner.description)),
    (gettext_lazy("Angebote und Zuständigkeiten"), _topics),
    (gettext_lazy("Anschrift"), _address),
    (gettext_lazy("Telefon"), lambda partner: partner.phone),
    (gettext_lazy("E-Mail"), lambda partner: partner.email),
    (gettext_lazy("Website"), lambda partner: partner.website),
    (gettext_lazy("Öffnungs- und Sprechzeiten"), _opening_hours),
    (gettext_lazy("Öffentliche Ansprechpersonen"), _contact_persons),
]


def compare(live: Partner, pending: Partner) -> list[ComparedField]:
    """Each public field as the public sees it now and as the pending change would show it."""
    return [ComparedField(str(label), read(live), read(pending)) for label, read in FIELDS]
