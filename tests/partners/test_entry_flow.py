"""A member's change goes through moderation before anyone else sees it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import WorkflowContentType, WorkflowState

from documents.models import RenderJob
from partners.models import Partner
from tests.factories import PartnerContactPersonFactory
from tests.fixtures.entries import NEW_PHONE, OLD_PHONE, decide, entry_url, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def api_phone(client, partner) -> str:
    response = client.get(f"/api/v3/partners/{partner.pk}/")
    assert response.status_code == 200
    return response.json()["phone"]


def submit_change(client, partner, **changes):
    page = client.get(entry_url(partner))
    assert page.status_code == 200
    response = client.post(entry_url(partner), form_data(page, **changes))
    assert response.status_code == 302, response.context and response.context["errors"]
    return response


def test_whole_loop_from_change_to_published_entry_and_pdf(
    member_client,
    entry_partner,
    partner_workflow,
    approver,
    directory_page,
    referencing_handout,
    django_capture_on_commit_callbacks,
):
    public_url = f"{directory_page.url}{entry_partner.slug}/"
    assert member_client.get("/konto/eintrag/")["Location"] == entry_url(entry_partner)

    RenderJob.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        submit_change(member_client, entry_partner, **{"eintrag-phone": NEW_PHONE})

    page = member_client.get(entry_url(entry_partner)).text
    assert "eingereicht am" in page
    assert "wartet auf Freigabe durch die Koordination" in page
    assert OLD_PHONE in page and NEW_PHONE in page  # live next to pending
    assert Partner.objects.get(pk=entry_partner.pk).phone == OLD_PHONE
    public = member_client.get(public_url).text
    assert OLD_PHONE in public and NEW_PHONE not in public
    assert api_phone(member_client, entry_partner) == OLD_PHONE
    assert not RenderJob.objects.exists()  # a draft prints nothing

    entry_partner.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        decide(entry_partner, approver, "approve", comment="Danke, passt.")

    assert Partner.objects.get(pk=entry_partner.pk).phone == NEW_PHONE
    public = member_client.get(public_url).text
    assert NEW_PHONE in public and OLD_PHONE not in public
    assert api_phone(member_client, entry_partner) == NEW_PHONE
    jobs = RenderJob.objects.filter(page=referencing_handout)
    assert [job.reason for job in jobs] == [RenderJob.Reason.DEPENDENCY]
    page = member_client.get(entry_url(entry_partner)).text
    assert "freigegeben am" in page
    assert "Danke, passt." in page


def test_rejection_shows_the_comment_and_keeps_the_public_entry(
    member_client, entry_partner, partner_workflow, approver, directory_page
):
    submit_change(member_client, entry_partner, **{"eintrag-town": "Falkenberg"})
    entry_partner.refresh_from_db()
    decide(entry_partner, approver, "reject", comment="Bitte die Hausnummer ergänzen.")

    response = member_client.get(entry_url(entry_partner))
    assert "abgelehnt / Änderungen erbeten am" in response.text
    assert "Bitte die Hausnummer ergänzen." in response.text
    assert response.context["forms"].entry["town"].value() == "Falkenberg"  # the pending change
    public = member_client.get(f"{directory_page.url}{entry_partner.slug}/").text
    assert "Herzberg" in public and "Falkenberg" not in public


def test_resubmitting_after_rejection_resumes_the_same_workflow(
    member_client, entry_partner, partner_workflow, approver
):
    submit_change(member_client, entry_partner, **{"eintrag-town": "Falkenberg"})
    entry_partner.refresh_from_db()
    decide(entry_partner, approver, "reject", comment="Bitte prüfen.")
    first = entry_partner.current_workflow_state

    submit_change(member_client, entry_partner, **{"eintrag-town": "Falkenberg/Elster"})
    state = Partner.objects.get(pk=entry_partner.pk).current_workflow_state
    assert state.pk == first.pk
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision.as_object().town == "Falkenberg/Elster"
    assert "wartet auf Freigabe" in member_client.get(entry_url(entry_partner)).text


def test_a_second_change_while_in_moderation_restarts_it_on_the_new_revision(
    member_client, entry_partner, partner_workflow, approver
):
    submit_change(member_client, entry_partner, **{"eintrag-phone": NEW_PHONE})
    first = Partner.objects.get(pk=entry_partner.pk).current_workflow_state
    page = member_client.get(entry_url(entry_partner))
    assert page.context["forms"].entry["phone"].value() == NEW_PHONE  # starts from the revision
    member_client.post(entry_url(entry_partner), form_data(page, **{"eintrag-town": "Uebigau"}))

    first.refresh_from_db()
    assert first.status == WorkflowState.STATUS_CANCELLED
    partner = Partner.objects.get(pk=entry_partner.pk)
    state = partner.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    pending = state.current_task_state.revision.as_object()
    assert (pending.phone, pending.town) == (NEW_PHONE, "Uebigau")

    decide(partner, approver, "approve")
    partner.refresh_from_db()
    assert (partner.phone, partner.town) == (NEW_PHONE, "Uebigau")


@pytest.fixture
def no_partner_workflow(db):
    """A database whose partners have no workflow (the moderation migration assigns one)."""
    WorkflowContentType.objects.filter(
        content_type=ContentType.objects.get_for_model(Partner)
    ).delete()


def test_without_a_workflow_nothing_is_saved_and_nothing_lost(
    member_client, entry_partner, no_partner_workflow
):
    page = member_client.get(entry_url(entry_partner))
    changes = {"eintrag-phone": NEW_PHONE, "eintrag-topics": "Neues Schlagwort"}
    response = member_client.post(entry_url(entry_partner), form_data(page, **changes))
    assert response.status_code == 409
    assert "kein Freigabe-Ablauf eingerichtet" in response.text
    assert response.context["forms"].entry["phone"].value() == NEW_PHONE
    assert response.context["forms"].entry["topics"].value() == "Neues Schlagwort"
    assert not Tag.objects.filter(name="Neues Schlagwort").exists()
    entry_partner.refresh_from_db()
    assert entry_partner.latest_revision is None
    assert entry_partner.phone == OLD_PHONE


def test_entry_locked_by_an_editor_is_refused_with_values_kept(
    member_client, entry_partner, partner_workflow, approver
):
    Partner.objects.filter(pk=entry_partner.pk).update(locked=True, locked_by=approver)
    page = member_client.get(entry_url(entry_partner))
    response = member_client.post(
        entry_url(entry_partner), form_data(page, **{"eintrag-phone": NEW_PHONE})
    )
    assert response.status_code == 409
    assert "bearbeitet Ihren Eintrag" in response.text
    assert response.context["forms"].entry["phone"].value() == NEW_PHONE
    assert not Partner.objects.get(pk=entry_partner.pk).workflow_states.exists()


def test_all_parts_of_the_entry_reach_the_revision(
    member_client, entry_partner, partner_workflow, approver, directory_page
):
    changes = {
        "eintrag-description": "Wir beraten.\n\n- Kinderbetreuung\n- Ausbildung <script>",
        "eintrag-topics": "Beratung, Kinderbetreuung",
        "zeiten-0-days": "Montag bis Freitag",
        "zeiten-0-hours": "9 bis 12 Uhr",
        "personen-0-name": "Erika Mustermann (Beispiel)",
        "personen-0-role": "Beratung",
        "personen-0-is_public": "on",
        "personen-0-consent_given_on": "2026-11-02",
    }
    submit_change(member_client, entry_partner, **changes)
    partner = Partner.objects.get(pk=entry_partner.pk)
    decide(partner, approver, "approve")
    partner.refresh_from_db()
    assert partner.description == (
        "<p>Wir beraten.</p><ul><li>Kinderbetreuung</li><li>Ausbildung &lt;script&gt;</li></ul>"
    )
    assert sorted(tag.name for tag in partner.topics.all()) == ["Beratung", "Kinderbetreuung"]
    assert [dict(block.value) for block in partner.opening_hours] == [
        {"days": "Montag bis Freitag", "hours": "9 bis 12 Uhr"}
    ]
    [person] = partner.contact_persons.all()
    assert person.shown_publicly and person.name == "Erika Mustermann (Beispiel)"
    public = member_client.get(f"{directory_page.url}{partner.slug}/").text
    assert "Erika Mustermann (Beispiel)" in public
    assert "<script>" not in public.split("<main")[1]


def test_unchanged_description_keeps_the_editors_formatting(
    member_client, entry_partner, partner_workflow
):
    hint = "solange Sie die Beschreibung nicht ändern"
    assert hint in member_client.get(entry_url(entry_partner)).text
    submit_change(member_client, entry_partner, **{"eintrag-phone": NEW_PHONE})
    pending = Partner.objects.get(pk=entry_partner.pk).get_latest_revision_as_object()
    assert pending.description == "<p>Beratung für <b>Alleinerziehende</b>.</p>"


def test_a_later_draft_by_the_editors_is_not_called_approved(
    member_client, entry_partner, partner_workflow, approver
):
    submit_change(member_client, entry_partner, **{"eintrag-phone": NEW_PHONE})
    partner = Partner.objects.get(pk=entry_partner.pk)
    decide(partner, approver, "approve")
    assert "freigegeben am" in member_client.get(entry_url(entry_partner)).text
    partner = Partner.objects.get(pk=entry_partner.pk)
    partner.town = "Schlieben"
    partner.save_revision(user=approver)
    page = member_client.get(entry_url(entry_partner)).text
    assert "freigegeben am" not in page
    assert "nicht zur Freigabe eingereicht" in page
    assert "Schlieben" in page


def test_removed_person_and_emptied_row_are_gone_once_approved(
    member_client, entry_partner, partner_workflow, approver, directory_page
):
    PartnerContactPersonFactory(partner=entry_partner, name="Bleibt (Beispiel)")
    PartnerContactPersonFactory(partner=entry_partner, name="Geht (Beispiel)")
    entry_partner.opening_hours = [("row", {"days": "Montag", "hours": "8 bis 16 Uhr"})]
    entry_partner.save()
    page = member_client.get(entry_url(entry_partner))
    assert "Diese Person entfernen" in page.text
    removed = {"personen-1-DELETE": "on", "zeiten-0-days": "", "zeiten-0-hours": ""}
    member_client.post(entry_url(entry_partner), form_data(page, **removed))
    partner = Partner.objects.get(pk=entry_partner.pk)
    decide(partner, approver, "approve")

    public = member_client.get(f"{directory_page.url}{entry_partner.slug}/").text
    assert "Bleibt (Beispiel)" in public
    assert "Geht (Beispiel)" not in public
    assert "8 bis 16 Uhr" not in public
    names = [person.name for person in entry_partner.contact_persons.all()]
    assert names == ["Bleibt (Beispiel)"]


def test_approval_in_the_admin_publishes_the_members_change(
    client, member, entry_partner, partner_workflow, approver
):
    client.force_login(member)
    submit_change(client, entry_partner, **{"eintrag-phone": NEW_PHONE})
    task_state = Partner.objects.get(pk=entry_partner.pk).current_workflow_state.current_task_state
    url = reverse(
        "wagtailsnippets_partners_partner:workflow_action",
        args=(entry_partner.pk, "approve", task_state.pk),
    )
    client.force_login(approver)
    response = client.post(url, {"comment": "Freigegeben in der Verwaltung."})
    assert response.status_code == 302
    assert Partner.objects.get(pk=entry_partner.pk).phone == NEW_PHONE
    client.force_login(member)
    page = client.get(entry_url(entry_partner)).text
    assert "freigegeben am" in page and "Freigegeben in der Verwaltung." in page
