"""End to end: real PostgreSQL, a real Celery worker rendering the PDFs and sending the
mails, a real SMTP server receiving them. Few tests, each covering a whole story."""

from urllib.parse import urlsplit

import pytest
from celery import current_app
from django.test import Client

from documents import pipeline
from documents.models import PdfVersion, RenderJob
from harness import SmtpServer
from notifications import delivery
from notifications.models import Frequency, HandoutChange, Mail, NotificationPreference
from tests.documents.helpers import latest_job, versions, wait_for
from tests.factories import (
    HandoutIndexPageFactory,
    HandoutPageFactory,
    PartnerStaffFactory,
    UserFactory,
    handout_body,
)
from tests.fixtures.scenarios import publish

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

SEND_DONE = b"Task worker.send_notification_mail["


def sent_tasks(worker) -> int:
    """Mail tasks the worker has finished (succeeded or raised), from its INFO log."""
    lines = worker.log_bytes().splitlines()
    return sum(SEND_DONE in line and b"] succeeded in " in line for line in lines)


def job_closed(job: RenderJob) -> bool:
    job.refresh_from_db()
    return job.status not in (RenderJob.Status.PENDING, RenderJob.Status.RUNNING)


def restricted_handout(home_page, field, partner):
    """A handout "nur für Partner-Mitarbeitende" in ``field`` that prints ``partner``."""
    index = HandoutIndexPageFactory(parent=home_page)
    page = HandoutPageFactory(
        parent=index,
        title="Bewerbung mit Kind",
        only_for_partner_staff=True,
        body=handout_body("Fragen Sie nach dem Alltag.", partner),
    )
    page.policy_fields.set([field])
    publish(page)
    return page


def addressed(server: SmtpServer) -> list[tuple[str, str]]:
    return sorted((m["To"], m["Subject"].strip()) for m in server.messages())


def test_each_subscriber_gets_one_mail_per_change_and_one_digest(
    celery_worker_process, smtp_mail, home_page, field, partner, staff
):
    worker = celery_worker_process(EMAIL_URL=smtp_mail.url)
    outsider = UserFactory(username="ohne-rolle")  # may not read the restricted handout
    weekly = PartnerStaffFactory(username="dora", partner=partner)
    NotificationPreference.objects.create(user=outsider, policy_field=field, frequency="immediate")
    NotificationPreference.objects.create(user=weekly, policy_field=field, frequency="weekly")
    page = restricted_handout(home_page, field, partner)
    wait_for(lambda: versions(page) == [1], 90, message="version 1 missing")

    publish(page, body=handout_body("Fragen Sie nach der Kinderbetreuung.", partner))
    wait_for(lambda: len(smtp_mail.messages()) >= 2, 90, message="no mails for version 2")
    subject = "Geänderte Handlungsanleitung: Bewerbung mit Kind (Version 2)"
    assert addressed(smtp_mail) == [("anna@example.org", subject), ("ben@example.org", subject)]
    body = smtp_mail.messages()[0].get_body(("plain",)).get_content()
    assert "Geändert: Fragen Sie nach [-dem Alltag.-][+der Kinderbetreuung.+]" in body
    assert f"http://testserver/konto/handlungsanleitungen/{page.pk}/" in body

    # A forced re-render of the same text and repeated tasks announce nothing new.
    job = pipeline.request_render(page, reason="manual", force=True)
    wait_for(lambda: latest_job(page).pk == job.pk and job_closed(job), 90, message="re-render")
    assert versions(page) == [2, 1]
    change = HandoutChange.objects.get(version=2)
    current_app.send_task(delivery.ANNOUNCE_TASK, args=[change.pk])
    done = sent_tasks(worker)
    for mail in Mail.objects.filter(kind="immediate"):
        current_app.send_task(delivery.SEND_TASK, args=[mail.pk])
    wait_for(lambda: sent_tasks(worker) >= done + 2, 60, message="repeated sends not run")

    # A changed partner re-renders the handout; the mail names the entry.
    partner.phone = "000 555 666"
    partner.save()
    wait_for(lambda: versions(page)[0] == 3, 90, message="dependency not rendered")
    wait_for(lambda: len(smtp_mail.messages()) >= 4, 60, message="no mails for version 3")
    assert len(smtp_mail.messages()) == 4
    latest = smtp_mail.messages()[-1].get_body(("plain",)).get_content()
    assert "Geändert wurde der Eintrag „Jobberatung Nord (Test)“ (Netzwerkpartner)." in latest

    # The weekly digest: both changes in one mail, however often beat runs it.
    current_app.send_task("worker.send_weekly_digests")
    current_app.send_task("worker.send_weekly_digests")
    wait_for(lambda: len(smtp_mail.messages()) >= 5, 60, message="no digest")
    wait_for(lambda: not Mail.objects.exclude(status="sent").exists(), 30)
    digests = [m for m in smtp_mail.messages() if m["To"] == "dora@example.org"]
    assert len(digests) == 1
    assert digests[0]["Subject"].strip() == "Wochenübersicht: 2 geänderte Handlungsanleitung(en)"
    assert not [m for m in smtp_mail.messages() if m["To"] == "ohne-rolle@example.org"]
    assert PdfVersion.objects.filter(page=page).count() == 3

    # The one-click link of a received mail works without a login.
    message = smtp_mail.messages()[0]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = urlsplit(message["List-Unsubscribe"].strip().strip("<>"))
    response = Client(enforce_csrf_checks=True).post(
        url.path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    user = message["To"].split("@")[0]
    assert NotificationPreference.objects.get(user__username=user).frequency == Frequency.NONE


def test_a_mail_server_outage_delays_the_mail_and_loses_nothing(
    celery_worker_process, home_page, field, partner, staff, tmp_path, settings
):
    server = SmtpServer(tmp_path).start()
    server.stop()
    celery_worker_process(
        EMAIL_URL=server.url,
        EMAIL_TIMEOUT=2,
        NOTIFICATIONS_RETRY_SECONDS=1,
        NOTIFICATIONS_TASK_RETRIES=1,
    )
    NotificationPreference.objects.create(user=staff["ben"], policy_field=field, frequency="none")
    page = restricted_handout(home_page, field, partner)
    wait_for(lambda: versions(page) == [1], 90, message="version 1 missing")
    publish(page, body=handout_body("Fragen Sie nach der Kinderbetreuung.", partner))
    wait_for(lambda: Mail.objects.filter(attempts__gte=2).exists(), 90, message="no failed attempt")
    mail = Mail.objects.get()
    assert mail.status == "pending" and mail.user == staff["anna"]
    assert "Connection refused" in mail.last_error or "ConnectionRefused" in mail.last_error

    server.start()
    try:
        wait_for(
            lambda: delivery.sweep() >= 0 and server.messages(),
            90,
            1,
            message="mail did not arrive after the mail server returned",
        )
        wait_for(lambda: Mail.objects.get().status == "sent", 30)
        wait_for(lambda: True, 3)  # a late duplicate would have arrived by now
        assert [m["To"] for m in server.messages()] == ["anna@example.org"]
    finally:
        server.stop()
