"""Members hear the outcome of the change they submitted, once, in German, with the link back."""

import pytest
from django.core import mail

from partners.models import PartnerMembership
from tests.factories import PartnerMembershipFactory
from tests.fixtures.entries import NEW_PHONE, decide, entry_url, form_data

pytestmark = pytest.mark.django_db


def submit(client, user, partner):
    client.force_login(user)
    page = client.get(entry_url(partner))
    response = client.post(entry_url(partner), form_data(page, **{"eintrag-phone": NEW_PHONE}))
    assert response.status_code == 302
    partner.refresh_from_db()


def mails_to(user) -> list:
    return [message for message in mail.outbox if user.email in message.to]


def test_approval_mail_with_comment_and_link(
    client, member, entry_partner, partner_workflow, approver, django_capture_on_commit_callbacks
):
    submit(client, member, entry_partner)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(entry_partner, approver, "approve", comment="Vielen Dank für die Aktualisierung.")

    [message] = mails_to(member)  # ours only, not also Wagtail's admin notification
    assert message.subject == "Ihre Änderung ist freigegeben: Familienberatung Elster (Test)"
    assert "freigegeben" in message.body
    assert "Vielen Dank für die Aktualisierung." in message.body
    assert f"http://testserver/konto/eintrag/{entry_partner.pk}/" in message.body
    assert "/admin/" not in message.body


def test_rejection_mail_with_comment_and_link(
    client, member, entry_partner, partner_workflow, approver, django_capture_on_commit_callbacks
):
    submit(client, member, entry_partner)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(entry_partner, approver, "reject", comment="Die Vorwahl fehlt.")

    [message] = mails_to(member)
    assert message.subject == "Änderungen erbeten: Familienberatung Elster (Test)"
    assert "bittet um Änderungen" in message.body
    assert "Die Vorwahl fehlt." in message.body
    assert f"http://testserver/konto/eintrag/{entry_partner.pk}/" in message.body


def test_no_mail_is_sent_if_the_decision_is_rolled_back(
    client, member, entry_partner, partner_workflow, approver, django_capture_on_commit_callbacks
):
    submit(client, member, entry_partner)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False):
        decide(entry_partner, approver, "approve")
    assert mails_to(member) == []


def test_editors_get_wagtails_notification_not_ours(
    client,
    editor_user,
    entry_partner,
    partner_workflow,
    approver,
    django_capture_on_commit_callbacks,
):
    PartnerMembershipFactory(user=editor_user, partner=entry_partner)
    submit(client, editor_user, entry_partner)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(entry_partner, approver, "approve")
    assert not [m for m in mails_to(editor_user) if "konto/eintrag" in m.body]


def test_former_members_hear_nothing(
    client, member, entry_partner, partner_workflow, approver, django_capture_on_commit_callbacks
):
    submit(client, member, entry_partner)
    PartnerMembership.objects.filter(user=member).delete()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(entry_partner, approver, "reject", comment="Intern: bitte nicht weitergeben.")
    assert mails_to(member) == []
