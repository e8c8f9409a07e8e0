"""The mails themselves (locmem backend), the digest, and a mail server that fails."""

import socket

import pytest
from django.core import mail as outbox

from notifications import delivery, recipients
from notifications.models import Frequency, HandoutChange, Mail
from tests.factories import PdfVersionFactory, RenderJobFactory

pytestmark = pytest.mark.django_db

BASE = "http://una.beispiel.invalid"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE


def announce_latest() -> list[Mail]:
    change = HandoutChange.objects.latest("pk")
    delivery.announce(change.pk)
    return list(Mail.objects.filter(notifications__change=change).order_by("user__username"))


def test_one_mail_per_member_with_title_version_summary_and_link(handout, staff, change_to):
    change_to(handout, "Fragen Sie nach der Kinderbetreuung.")
    mails = announce_latest()
    assert [m.user.username for m in mails] == ["anna", "ben"]
    assert [delivery.deliver(m.pk) for m in mails] == ["sent", "sent"]
    assert [delivery.deliver(m.pk) for m in mails] == ["skipped", "skipped"]
    assert len(outbox.outbox) == 2
    message = outbox.outbox[0]
    assert message.to == ["anna@example.org"]
    assert message.subject == "Geänderte Handlungsanleitung: Bewerbung mit Kind (Version 2)"
    assert "„Bewerbung mit Kind“, Version 2" in message.body
    assert "Was hat sich geändert?" in message.body
    assert "Geändert: Fragen Sie nach [-dem Alltag.-][+der Kinderbetreuung.+]" in message.body
    assert "([-…-] gestrichen, [+…+] eingefügt)" in message.body
    assert f"{BASE}/konto/handlungsanleitungen/{handout.pk}/" in message.body
    assert f"{BASE}/pdf/{handout.pk}/v2/" in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith(f"<{BASE}/konto/benachrichtigungen/abbestellen/")
    assert unsubscribe.strip("<>") in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Kinderbetreuung.</ins>" in html
    sent = Mail.objects.get(pk=mails[0].pk)
    assert (sent.status, sent.address, sent.attempts) == ("sent", "anna@example.org", 0)
    assert sent.sent_at is not None


def test_the_mail_of_a_dependency_render_says_which_entry_changed(handout, staff, partner):
    version = PdfVersionFactory(page=handout, revision=handout.live_revision)
    RenderJobFactory(
        page=handout,
        reason="dependency",
        status="done",
        pdf_version=version,
        cause_model="partners.Partner",
        cause_name=partner.name,
    )
    for mail in announce_latest():
        delivery.deliver(mail.pk)
    assert "Geändert wurde der Eintrag „Jobberatung Nord (Test)“" in outbox.outbox[0].body


def test_a_mail_is_dropped_when_the_reader_lost_access_before_sending(
    handout, staff, change_to, field
):
    change_to(handout, "Fragen Sie nach der Kinderbetreuung.")
    anna, ben = announce_latest()
    recipients.set_choice(staff["anna"], [field.pk], Frequency.NONE)
    staff["ben"].groups.clear()
    staff["ben"].partner_memberships.all().delete()
    change_to(handout, "Nur intern.", only_for_partner_staff=True)
    assert delivery.deliver(anna.pk) == "dropped"
    assert delivery.deliver(ben.pk) == "dropped"
    assert outbox.outbox == []


def test_the_weekly_digest_collects_every_change_and_is_sent_once(handout, staff, change_to, field):
    recipients.set_choice(staff["anna"], [field.pk], Frequency.WEEKLY)
    change_to(handout, "Fragen Sie nach der Kinderbetreuung.")
    announce_latest()
    change_to(handout, "Fragen Sie nach dem Kita-Platz.")
    announce_latest()
    assert delivery.collect_digests() == 1
    assert delivery.collect_digests() == 0
    digest = Mail.objects.get(kind="digest")
    assert digest.user == staff["anna"]
    assert delivery.deliver(digest.pk) == "sent"
    [message] = [m for m in outbox.outbox if m.to == ["anna@example.org"]]
    assert message.subject == "Wochenübersicht: 2 geänderte Handlungsanleitung(en)"
    assert "Version 2" in message.body and "Version 3" in message.body
    assert "List-Unsubscribe" in message.extra_headers
    assert Mail.objects.filter(user=staff["ben"], kind="immediate").count() == 2


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_failing_mail_server_leaves_the_mail_pending_with_its_error(
    handout, staff, change_to, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.EMAIL_TIMEOUT = 2
    settings.NOTIFICATIONS_RETRY_SECONDS = 30
    change_to(handout, "Fragen Sie nach der Kinderbetreuung.")
    mail = announce_latest()[0]
    with pytest.raises(delivery.MailDeferred) as deferred:
        delivery.deliver(mail.pk)
    assert deferred.value.retry_in == 30
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == ("pending", 1)
    assert "ConnectionRefusedError" in mail.last_error
    assert mail.next_attempt_at is not None
    with pytest.raises(delivery.MailDeferred) as deferred:
        delivery.deliver(mail.pk)
    assert deferred.value.retry_in == 60

    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    assert delivery.deliver(mail.pk) == "failed"
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == ("failed", 3)


def test_backoff_doubles_up_to_an_hour(settings):
    settings.NOTIFICATIONS_RETRY_SECONDS = 60
    assert [delivery.backoff(n) for n in (1, 2, 3, 7, 20)] == [60, 120, 240, 3600, 3600]
