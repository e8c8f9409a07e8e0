"""Model behaviour: public contacts, ordering, ReferenceIndex tracking."""

import pytest
from wagtail.models import ReferenceIndex

from partners.models import (
    ContactPoint,
    Partner,
    PartnerContactPerson,
    PolicyField,
    public_contacts_prefetch,
)
from tests.factories import (
    ContactPointContactPersonFactory,
    ContactPointFactory,
    PartnerContactPersonFactory,
    PartnerFactory,
    PolicyFieldFactory,
)

pytestmark = pytest.mark.django_db


def test_public_contact_persons_excludes_private_ones():
    partner = PartnerFactory()
    PartnerContactPersonFactory(partner=partner, name="Sichtbar", is_public=True)
    PartnerContactPersonFactory(partner=partner, name="Intern", is_public=False)
    assert [c.name for c in partner.public_contact_persons()] == ["Sichtbar"]

    point = ContactPointFactory(partner=partner)
    ContactPointContactPersonFactory(contact_point=point, is_public=False)
    assert list(point.public_contact_persons()) == []


def test_a_public_person_without_recorded_consent_is_never_shown():
    partner = PartnerFactory()
    PartnerContactPersonFactory(partner=partner, name="Mit Einwilligung", is_public=True)
    PartnerContactPersonFactory(
        partner=partner, name="Ohne Datum", is_public=True, consent_given_on=None
    )
    assert [c.name for c in partner.public_contact_persons()] == ["Mit Einwilligung"]
    listed = Partner.objects.prefetch_related(public_contacts_prefetch(PartnerContactPerson))
    assert [c.name for c in listed.get(pk=partner.pk).public_contact_persons()] == [
        "Mit Einwilligung"
    ]


def test_each_policy_field_has_a_coordinator_group_named_after_it():
    field = PolicyFieldFactory(name="Gesundheit")
    assert field.coordinator_group.name == "Koordination Gesundheit"
    field.name = "Gesundheit und Pflege"
    field.save()
    field.coordinator_group.refresh_from_db()
    assert field.coordinator_group.name == "Koordination Gesundheit und Pflege"


def test_policy_fields_ordered_by_sort_order():
    PolicyFieldFactory(name="Zweites", sort_order=2)
    PolicyFieldFactory(name="Erstes", sort_order=1)
    assert [f.name for f in PolicyField.objects.all()] == ["Erstes", "Zweites"]


def test_contact_person_str_falls_back_to_role():
    person = PartnerContactPersonFactory(name="", role="Ansprechpartner/in")
    assert str(person) == "Ansprechpartner/in"


def test_snippets_are_tracked_by_reference_index():
    for model in (Partner, ContactPoint, PolicyField):
        assert ReferenceIndex.is_indexed(model)
    partner = PartnerFactory(name="Koordination")
    field = PolicyFieldFactory(moderated_by=partner)
    point = ContactPointFactory(partner=partner)
    ReferenceIndex.create_or_update_for_object(field)
    ReferenceIndex.create_or_update_for_object(point)
    referrers = {ref.object_id for ref in ReferenceIndex.get_references_to(partner)}
    assert referrers == {str(field.pk), str(point.pk)}


def test_live_queryset_excludes_drafts():
    PartnerFactory(name="Live")
    PartnerFactory(name="Entwurf", live=False)
    assert [p.name for p in Partner.objects.live()] == ["Live"]


def test_partner_preview_renders_without_private_contacts(rf, admin_user):
    partner = PartnerFactory(name="Vorschau Partner")
    PartnerContactPersonFactory(partner=partner, name="Intern", is_public=False)
    request = rf.get("/")
    request.user = admin_user
    response = partner.serve_preview(request, "")
    html = response.render().content.decode()
    assert "<h1>Vorschau Partner</h1>" in html
    assert "Intern" not in html


def test_contact_point_preview_shows_hours_and_public_contacts(rf, admin_user):
    point = ContactPointFactory(
        name="Standort Vorschau",
        opening_hours=[("row", {"days": "Dienstag", "hours": "nach Vereinbarung"})],
    )
    ContactPointContactPersonFactory(contact_point=point, role="Ansprechpartner/in")
    ContactPointContactPersonFactory(contact_point=point, name="Intern", is_public=False)
    request = rf.get("/")
    request.user = admin_user
    html = point.serve_preview(request, "").render().content.decode()
    assert "<h1>Standort Vorschau</h1>" in html
    assert "<dt>Dienstag</dt>" in html
    assert "Ansprechpartner/in" in html
    assert "Intern" not in html
