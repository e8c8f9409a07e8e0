"""The API's writes follow the same policy-field rule as the admin (moderation.actions)."""

import pytest
from wagtail.models import APIToken

from partners.models import Partner

pytestmark = pytest.mark.django_db


def bearer(user) -> dict:
    _, plaintext = APIToken.create_token(user=user, name="moderation")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def patch(client, url, body, user):
    return client.patch(url, body, content_type="application/json", **bearer(user))


def test_coordinator_writes_handouts_of_own_field_only(client, handout_a, handout_b, coordinator_a):
    own = patch(client, f"/api/v3/pages/{handout_a.pk}/", {"summary": "Neu"}, coordinator_a)
    assert own.status_code == 200
    foreign = patch(client, f"/api/v3/pages/{handout_b.pk}/", {"summary": "Neu"}, coordinator_a)
    assert foreign.status_code == 403
    handout_b.refresh_from_db()
    assert handout_b.get_latest_revision_as_object().summary != "Neu"


def test_coordinator_writes_partner_entries_of_own_field_only(
    client, entry_a, entry_b, coordinator_a
):
    url = "/api/v3/snippets/partners.Partner/{}/"
    own = patch(client, url.format(entry_a.pk), {"phone": "03531 000061"}, coordinator_a)
    assert own.status_code == 200
    foreign = patch(client, url.format(entry_b.pk), {"phone": "03535 000062"}, coordinator_a)
    assert foreign.status_code == 403
    assert Partner.objects.get(pk=entry_b.pk).get_latest_revision_as_object().phone == (
        "03535 000002"
    )


def test_a_write_cannot_move_a_foreign_entry_into_own_field(
    client, entry_b, field_a, coordinator_a
):
    url = f"/api/v3/snippets/partners.Partner/{entry_b.pk}/"
    response = patch(client, url, {"policy_fields": [field_a.pk]}, coordinator_a)
    assert response.status_code in (403, 422)
    entry = Partner.objects.get(pk=entry_b.pk).get_latest_revision_as_object()
    assert [field.slug for field in entry.policy_fields.all()] == ["feld-b-test"]
