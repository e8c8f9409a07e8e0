"""Coordinators write handouts in their own policy fields only."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from documents.models import HandoutPage
from moderation import rules

pytestmark = pytest.mark.django_db


def create(client, user, index, slug, *fields):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:add", args=("documents", "handoutpage", index.pk))
    data = nested_form_data(
        {
            "title": "Neue Anleitung",
            "slug": slug,
            "audience": "Mitarbeitende der Netzwerkpartner",
            "target_group": "Alleinerziehende",
            "summary": "",
            "body": streamfield([]),
            "contacts": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    data["policy_fields"] = [field.pk for field in fields]  # a plain multi-value field
    return client.post(url, data)


def test_coordinator_creates_a_handout_in_own_field(client, handout_index, coordinator_a, field_a):
    response = create(client, coordinator_a, handout_index, "eigene", field_a)
    assert response.status_code == 302
    page = HandoutPage.objects.get(slug="eigene")
    assert not page.live
    assert list(page.policy_fields.all()) == [field_a]
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("fields", [[], ["field_b"]])
def test_coordinator_cannot_create_outside_own_fields(
    client, request, handout_index, coordinator_a, fields
):
    chosen = [request.getfixturevalue(name) for name in fields]
    response = create(client, coordinator_a, handout_index, "fremde", *chosen)
    assert response.status_code == 200
    assert "Bitte wählen Sie mindestens ein Politikfeld, das Sie koordinieren" in response.text
    assert not HandoutPage.objects.filter(slug="fremde").exists()


def test_field_choice_is_free_for_the_editorial_team(editor_user, field_b):
    assert rules.field_choice_error(editor_user, []) is None
    assert rules.field_choice_error(editor_user, [field_b]) is None
