""" "Eintrag ist aktuell": a member confirms the entry without a change and without moderation."""

import pytest
from django.utils import timezone

from partners.models import EntryConfirmation, Partner
from tests.fixtures.entries import entry_url

pytestmark = pytest.mark.django_db


def confirm_url(partner) -> str:
    return f"/konto/eintrag/{partner.pk}/aktuell/"


def test_confirming_records_who_and_when_and_moves_the_date(client, member, entry_partner):
    Partner.objects.filter(pk=entry_partner.pk).update(
        last_published_at=timezone.now() - timezone.timedelta(days=400)
    )
    client.force_login(member)
    page = client.get(entry_url(entry_partner))
    assert "Eintrag ist aktuell" in page.text

    response = client.post(confirm_url(entry_partner), follow=True)
    today = timezone.localdate().strftime("%d.%m.%Y")
    assert f"Ihr Eintrag gilt als aktuell (Stand: {today})" in response.text
    confirmation = EntryConfirmation.objects.get(partner=entry_partner)
    assert confirmation.confirmed_by == member
    partner = Partner.objects.with_current_as_of().get(pk=entry_partner.pk)
    assert partner.current_as_of == confirmation.confirmed_at
    assert partner.latest_revision is None  # no revision, nothing to moderate


def test_only_own_live_entries_can_be_confirmed(client, member, entry_partner, other_partner):
    client.force_login(member)
    assert client.post(confirm_url(other_partner)).status_code == 404
    assert client.get(confirm_url(entry_partner)).status_code == 405
    Partner.objects.filter(pk=entry_partner.pk).update(live=False)
    response = client.post(confirm_url(entry_partner), follow=True)
    assert "noch nicht veröffentlicht" in response.text
    assert not EntryConfirmation.objects.exists()


def test_anonymous_confirmations_go_to_the_login(client, entry_partner):
    response = client.post(confirm_url(entry_partner))
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/anmelden/")
    assert not EntryConfirmation.objects.exists()
