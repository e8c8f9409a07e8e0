"""Which versions are announced, once each, with the handouts area's summary and cause."""

import pytest

from documents import dependents
from notifications import changes, delivery
from notifications.models import HandoutChange, Notification
from tests.factories import PdfVersionFactory, RenderJobFactory, handout_body
from tests.fixtures.scenarios import publish

pytestmark = pytest.mark.django_db


def test_a_changed_version_is_one_change_and_the_first_version_none(handout, change_to):
    assert not HandoutChange.objects.exists()
    version = change_to(handout, "Fragen Sie nach der Kinderbetreuung.")
    change = HandoutChange.objects.get()
    assert (change.pdf_version, change.page_id, change.version) == (version, handout.pk, 2)
    assert changes.record(version) == change
    assert HandoutChange.objects.count() == 1


def test_a_rerender_of_the_same_text_is_no_change(handout, change_to):
    version = change_to(handout, "Fragen Sie nach der Kinderbetreuung.")
    PdfVersionFactory(page=handout, revision=version.revision, content_hash=version.content_hash)
    assert HandoutChange.objects.count() == 1


def test_summary_shows_the_changed_words(handout, change_to, staff):
    change_to(handout, "Fragen Sie nach der Kinderbetreuung.")
    change = HandoutChange.objects.get()
    delivery.announce(change.pk)
    change.refresh_from_db()
    assert change.summary == ("- Geändert: Fragen Sie nach [-dem Alltag.-][+der Kinderbetreuung.+]")
    assert "<del" in change.summary_html and "Kinderbetreuung.</ins>" in change.summary_html
    assert change.cause == ""
    assert change.recipients_at is not None


def test_a_dependency_render_names_the_changed_entry(handout, partner):
    version = PdfVersionFactory(page=handout, revision=handout.live_revision)
    RenderJobFactory(
        page=handout,
        reason="dependency",
        status="done",
        pdf_version=version,
        cause_model="partners.Partner",
        cause_object_id=str(partner.pk),
        cause_name=partner.name,
    )
    change = HandoutChange.objects.get()
    delivery.announce(change.pk)
    change.refresh_from_db()
    assert change.cause == "Geändert wurde der Eintrag „Jobberatung Nord (Test)“ (Netzwerkpartner)."
    assert change.summary.startswith("Der Text ist unverändert.")


def test_the_render_pipeline_records_the_cause_of_a_dependency_render(handout, partner, sent_jobs):
    assert dependents.rerender_dependents("partners.Partner", partner.pk) == []
    publish(handout, body=handout_body("Fragen Sie nach dem Alltag.", partner))
    [job] = dependents.rerender_dependents("partners.Partner", partner.pk)
    job.refresh_from_db()
    assert job.reason == "dependency"
    assert (job.cause_model, job.cause_object_id, job.cause_name) == (
        "partners.Partner",
        str(partner.pk),
        "Jobberatung Nord (Test)",
    )


def test_announcing_twice_writes_the_notifications_once(handout, change_to, staff):
    change_to(handout, "Fragen Sie nach der Kinderbetreuung.")
    change = HandoutChange.objects.get()
    assert delivery.announce(change.pk) == 2
    assert delivery.announce(change.pk) == 0
    assert Notification.objects.count() == 2
