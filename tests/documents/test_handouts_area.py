"""The handouts area: grouped by policy field, latest version, history, what changed."""

import pytest

from documents.diff import diff_lines, page_text
from tests.factories import PdfVersionFactory, handout_body
from tests.fixtures.scenarios import PUBLIC_TITLE, RESTRICTED_TITLE, publish

#: Publishing enqueues renders; these tests never need the broker.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sent_jobs")]


def test_handouts_grouped_by_policy_field_with_latest_version(client, users, handouts):
    client.force_login(users["staff_b"])
    response = client.get("/konto/handlungsanleitungen/")
    text = response.text
    assert '<h2 id="feld-gesundheit-test">Gesundheit (Test)</h2>' in text
    assert '<h2 id="feld-ohne-politikfeld">Ohne Politikfeld</h2>' in text
    field_section = text.split('id="feld-gesundheit-test"')[1].split("<section")[0]
    assert RESTRICTED_TITLE in field_section and PUBLIC_TITLE not in field_section
    restricted = handouts["restricted"]
    assert f'href="/pdf/{restricted.pk}/v2/"' in field_section
    assert "Version 2 vom" in field_section
    assert "1,2\xa0KB" in field_section
    assert "2 Seiten" in field_section
    assert f'href="/konto/handlungsanleitungen/{restricted.pk}/"' in field_section
    assert "no-store" in response["Cache-Control"]


def test_version_history_shows_what_changed(client, users, handouts):
    client.force_login(users["staff_a"])
    page = handouts["restricted"]
    response = client.get(f"/konto/handlungsanleitungen/{page.pk}/")
    assert response.status_code == 200
    text = response.text
    assert "Version 2 (aktuell)" in text and "Version 1" in text
    assert f'href="/pdf/{page.pk}/v1/"' in text
    assert "Erste Version." in text
    assert "Geändert:" in text
    assert '<del><span class="visually-hidden">[gestrichen: </span>dem Alltag.' in text
    assert '<ins><span class="visually-hidden">[eingefügt: </span>der Kinderbetreuung.' in text


def test_rerender_without_text_change_says_so(client, users, handouts):
    page = handouts["restricted"]
    PdfVersionFactory(page=page, version=3, revision=page.live_revision)
    client.force_login(users["editor"])
    text = client.get(f"/konto/handlungsanleitungen/{page.pk}/").text
    assert "Der Text ist unverändert." in text


def test_versions_of_unknown_or_unpublished_handout_are_404(client, users, handouts):
    client.force_login(users["staff_a"])
    assert client.get("/konto/handlungsanleitungen/999999/").status_code == 404
    page = handouts["restricted"]
    page.unpublish()
    assert client.get(f"/konto/handlungsanleitungen/{page.pk}/").status_code == 404


def test_diff_lines_words_added_and_removed():
    changes = diff_lines(["Titel", "Alt bleibt hier.", "Weg damit."], ["Titel", "Neu bleibt hier."])
    kinds = [change.kind for change in changes]
    assert kinds == ["changed", "removed"]
    assert changes[0].segments == [("-", "Alt "), ("+", "Neu "), ("=", "bleibt hier.")]
    assert changes[1].segments == [("-", "Weg damit.")]
    assert diff_lines(["a"], ["a"]) == []


def test_page_text_includes_stream_text_and_partner_names(handouts, partner_a):
    page = handouts["public"]
    publish(page, body=handout_body("Ein Satz.", partner_a))
    lines = page_text(page)
    assert lines[0] == PUBLIC_TITLE
    assert "Ein Satz." in lines
    assert "Zuhören" in lines
    assert "Beratungsverein Nord (Test)" in lines


def test_restricted_handout_page_links_its_changes_and_footer_links_login(client, users, handouts):
    page = handouts["restricted"]
    assert 'href="/konto/anmelden/">Anmelden für Netzwerkpartner' in client.get("/").text
    client.force_login(users["staff_a"])
    text = client.get(page.url).text
    assert f'href="/konto/handlungsanleitungen/{page.pk}/"' in text
    assert 'href="/konto/">Ihr Konto</a>' in text
