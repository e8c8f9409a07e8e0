"""Bad input gets German messages next to the field, keeps what was typed, saves nothing."""

import re

import pytest

from partners.models import Partner
from tests.fixtures.entries import entry_url, form_data

pytestmark = pytest.mark.django_db

PERSON = {"personen-0-role": "Beratung", "personen-0-name": "Erika Mustermann (Beispiel)"}


def input_tag(html: str, field_id: str) -> str:
    match = re.search(rf'<(input|textarea|select)\b[^>]*\bid="{field_id}"[^>]*>', html)
    assert match, field_id
    return match.group(0)


BAD_INPUT = {
    "postcode_too_short": (
        {"eintrag-postcode": "4916"},
        "eintrag-postcode",
        "fünfstellige Postleitzahl",
    ),
    "postcode_too_long": (
        {"eintrag-postcode": "049160"},
        "eintrag-postcode",
        "fünfstellige Postleitzahl",
    ),
    "phone_with_letters": ({"eintrag-phone": "03535 vierzig"}, "eintrag-phone", "nur aus Ziffern"),
    "email": ({"eintrag-email": "beratung(at)beispiel"}, "eintrag-email", "gültige E-Mail-Adresse"),
    "url": ({"eintrag-website": "https://"}, "eintrag-website", "vollständige Web-Adresse"),
    "public_person_without_consent": (
        {**PERSON, "personen-0-is_public": "on"},
        "personen-0-consent_given_on",
        "Öffentlich nur mit Einwilligung",
    ),
    "consent_date": (
        {**PERSON, "personen-0-consent_given_on": "gestern"},
        "personen-0-consent_given_on",
        "gültiges Datum",
    ),
    "person_phone": (
        {**PERSON, "personen-0-phone": "null-drei"},
        "personen-0-phone",
        "nur aus Ziffern",
    ),
    "person_email": (
        {**PERSON, "personen-0-email": "erika@"},
        "personen-0-email",
        "gültige E-Mail-Adresse",
    ),
    "person_without_role": (
        {"personen-0-name": "Erika Mustermann (Beispiel)"},
        "personen-0-role",
        "muss ausgefüllt werden",
    ),
    "topic_too_long": (
        {"eintrag-topics": "Beratung, " + "x" * 101},
        "eintrag-topics",
        "100 Zeichen",
    ),
    "too_many_topics": (
        {"eintrag-topics": ", ".join(f"Thema {n}" for n in range(31))},
        "eintrag-topics",
        "höchstens 30 Begriffe",
    ),
    "days_without_hours": ({"zeiten-0-days": "Montag"}, "zeiten-0-hours", "Zeiten zu diesen Tagen"),
}


@pytest.mark.parametrize(("changes", "field", "message"), BAD_INPUT.values(), ids=BAD_INPUT)
def test_bad_input_is_explained_in_german_and_kept(
    client, member, entry_partner, partner_workflow, changes, field, message
):
    client.force_login(member)
    page = client.get(entry_url(entry_partner))
    response = client.post(entry_url(entry_partner), form_data(page, **changes))

    assert response.status_code == 400
    html = response.text
    assert "Bitte prüfen Sie Ihre Angaben." in html
    assert message in html
    field_id = f"id_{field}"
    assert f'href="#{field_id}"' in html  # the summary links to the field
    assert f'<p class="field-error" id="{field_id}_error">' in html
    tag = input_tag(html, field_id)
    assert re.search(rf'aria-describedby="[^"]*\b{field_id}_error\b', tag), tag
    assert 'aria-invalid="true"' in tag
    for name, value in changes.items():
        if value != "on":
            assert f'value="{value}"' in html or f">{value}<" in html, name
    assert Partner.objects.get(pk=entry_partner.pk).latest_revision is None


def test_a_person_ticked_for_removal_is_not_checked(
    client, member, entry_partner, partner_workflow
):
    client.force_login(member)
    page = client.get(entry_url(entry_partner))
    changes = {**PERSON, "personen-0-is_public": "on", "personen-0-DELETE": "on"}
    response = client.post(entry_url(entry_partner), form_data(page, **changes))
    assert response.status_code == 302
