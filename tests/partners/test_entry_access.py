"""A member reaches only their own organisation's entry; everyone else is turned away."""

import pytest

from partners.models import Partner, PartnerContactPerson
from tests.factories import PartnerContactPersonFactory, PartnerMembershipFactory
from tests.fixtures.entries import NEW_PHONE, entry_url, form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/konto/eintrag/", "/konto/eintrag/{pk}/"])
def test_anonymous_visitors_are_sent_to_the_login(client, entry_partner, path):
    path = path.format(pk=entry_partner.pk)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/konto/anmelden/?next={path}"


@pytest.mark.parametrize("role", ["plain_user", "partner_staff_user", "editor_user"])
@pytest.mark.parametrize("path", ["/konto/eintrag/", "/konto/eintrag/{pk}/"])
def test_accounts_without_membership_get_the_german_refusal(
    client, request, entry_partner, role, path
):
    client.force_login(request.getfixturevalue(role))
    response = client.get(path.format(pk=entry_partner.pk))
    assert response.status_code == 403
    assert "keinem Netzwerkpartner zugeordnet" in response.text


def test_the_only_membership_opens_directly_and_is_never_cached(client, member, entry_partner):
    client.force_login(member)
    assert client.get("/konto/eintrag/")["Location"] == entry_url(entry_partner)
    response = client.get(entry_url(entry_partner))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert entry_partner.name in response.text


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_partners_id_in_the_url_is_404(
    client, member, other_partner, partner_workflow, method
):
    client.force_login(member)
    response = getattr(client, method)(entry_url(other_partner), {"eintrag-phone": NEW_PHONE})
    assert response.status_code == 404
    assert client.get("/konto/eintrag/999999/").status_code == 404
    assert Partner.objects.get(pk=other_partner.pk).latest_revision is None


def test_another_partners_id_in_the_hidden_field_is_404(
    client, member, entry_partner, other_partner, partner_workflow
):
    client.force_login(member)
    page = client.get(entry_url(entry_partner))
    data = form_data(page, **{"eintrag-partner": str(other_partner.pk), "eintrag-phone": NEW_PHONE})
    assert client.post(entry_url(entry_partner), data).status_code == 404
    for partner in (entry_partner, other_partner):
        assert Partner.objects.get(pk=partner.pk).latest_revision is None


def test_another_partners_contact_person_in_the_form_is_404(
    client, member, entry_partner, other_partner, partner_workflow
):
    foreign = PartnerContactPersonFactory(
        partner=other_partner, name="Fremde Person", role="Leitung"
    )
    client.force_login(member)
    page = client.get(entry_url(entry_partner))
    data = form_data(
        page,
        **{
            "personen-0-person": str(foreign.pk),
            "personen-0-name": "Übernommen",
            "personen-0-role": "Beratung",
        },
    )
    assert client.post(entry_url(entry_partner), data).status_code == 404
    foreign.refresh_from_db()
    assert (foreign.partner_id, foreign.name) == (other_partner.pk, "Fremde Person")
    assert Partner.objects.get(pk=entry_partner.pk).latest_revision is None


def test_own_contact_persons_keep_their_ids(
    client, member, entry_partner, partner_workflow, approver
):
    own = PartnerContactPersonFactory(partner=entry_partner, name="Erika Mustermann (Beispiel)")
    client.force_login(member)
    page = client.get(entry_url(entry_partner))
    data = form_data(page, **{"personen-0-role": "Leitung der Beratung"})
    assert client.post(entry_url(entry_partner), data).status_code == 302
    entry_partner.refresh_from_db()
    task_state = entry_partner.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, approver, "approve")
    assert list(PartnerContactPerson.objects.filter(partner=entry_partner)) == [own]
    own.refresh_from_db()
    assert own.role == "Leitung der Beratung"


def test_several_memberships_choose_among_their_own(client, member, entry_partner, other_partner):
    third = Partner.objects.create(name="Dritter Verein (Test)", slug="dritter-verein", live=True)
    PartnerMembershipFactory(user=member, partner=other_partner)
    client.force_login(member)
    choice = client.get("/konto/eintrag/")
    assert choice.status_code == 200
    for partner in (entry_partner, other_partner):
        assert f'href="{entry_url(partner)}"' in choice.text
    assert client.get(entry_url(other_partner)).status_code == 200
    assert client.get(entry_url(third)).status_code == 404


def test_account_home_links_members_to_their_entry(client, member, entry_partner, plain_user):
    client.force_login(member)
    assert f'href="{entry_url(entry_partner)}"' in client.get("/konto/").text
    client.force_login(plain_user)
    assert "/konto/eintrag/" not in client.get("/konto/").text


def test_the_same_person_posted_twice_is_404(client, member, entry_partner, partner_workflow):
    own = PartnerContactPersonFactory(partner=entry_partner, name="Erika Mustermann (Beispiel)")
    client.force_login(member)
    page = client.get(entry_url(entry_partner))
    data = form_data(page, **{"personen-1-person": str(own.pk), "personen-1-role": "Kopie"})
    assert client.post(entry_url(entry_partner), data).status_code == 404
