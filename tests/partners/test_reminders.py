"""Reminders to check overdue entries, sent over a real SMTP server."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from harness import free_port, wait_for
from partners.models import EntryConfirmation, EntryReminder
from partners.reminders import overdue_partners, send_reminders
from tests.factories import PartnerFactory, PartnerStaffFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def partner_published(days_ago: int, **kwargs):
    return PartnerFactory(last_published_at=NOW - timedelta(days=days_ago), **kwargs)


@pytest.fixture
def overdue():
    partner = partner_published(200, name="Lebenshilfe Beispiel")
    PartnerStaffFactory(username="beraterin", partner=partner)
    PartnerStaffFactory(username="ehemalige", partner=partner, is_active=False)
    return partner


def test_overdue_means_no_change_and_no_confirmation_within_the_limit(overdue):
    changed = partner_published(10)
    confirmed = partner_published(400)
    EntryConfirmation.objects.create(partner=confirmed, confirmed_at=NOW - timedelta(days=3))
    stale_confirmation = partner_published(400)
    EntryConfirmation.objects.create(
        partner=stale_confirmation, confirmed_at=NOW - timedelta(days=181)
    )
    found = set(overdue_partners(NOW))
    assert overdue in found and stale_confirmation in found
    assert changed not in found and confirmed not in found
    assert confirmed.current_as_of == EntryConfirmation.objects.get(partner=confirmed).confirmed_at


def test_members_get_one_reminder_and_a_second_run_the_same_day_sends_none(smtp_mail, overdue):
    without_members = partner_published(300, name="Ohne Zugang")

    [sent] = send_reminders(NOW)
    assert sent.partner == overdue and sent.recipients == ["beraterin@example.org"]
    [mail] = wait_for(smtp_mail.messages, 10, 0.05, "reminder")
    assert mail["To"] == "beraterin@example.org"
    assert "Lebenshilfe Beispiel" in mail["Subject"]
    body = mail.get_content()
    assert "http://testserver/konto/eintrag/" in body
    assert "Eintrag ist aktuell" in body

    assert send_reminders(NOW + timedelta(hours=3)) == []
    assert send_reminders(NOW + timedelta(days=29)) == []
    assert [r.partner for r in send_reminders(NOW + timedelta(days=31))] == [overdue]
    assert len(smtp_mail.messages()) == 2
    assert not EntryReminder.objects.filter(partner=without_members).exists()
    assert without_members in overdue_partners(NOW)


def test_a_mail_server_that_is_down_loses_no_reminder(smtp_mail, settings, overdue):
    settings.EMAIL_PORT = free_port()  # nothing listens there
    assert send_reminders(NOW) == []
    assert not EntryReminder.objects.exists()

    settings.EMAIL_PORT = smtp_mail.port
    assert [r.partner for r in send_reminders(NOW)] == [overdue]
    assert wait_for(smtp_mail.messages, 10, 0.05, "reminder after the outage")


def test_the_command_prints_what_it_sent(smtp_mail, overdue, capsys):
    call_command("remind_partners")
    out = capsys.readouterr().out
    assert "Erinnerung an Lebenshilfe Beispiel: beraterin@example.org" in out
    assert "1 Erinnerung(en) gesendet." in out
    call_command("remind_partners")
    assert "0 Erinnerung(en) gesendet." in capsys.readouterr().out
