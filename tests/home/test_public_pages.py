"""What the public reads on handout and partner pages in the site layout.

Handout metadata as label/value rows, partner names linked to their directory
entry (web page only, not the PDF), earlier PDF versions without the current
one, the PDF's size and page count, and no doubled full stop after a name
that ends with one ("… e.V.").
"""

import pytest

from documents.rendering.html import build_print_html
from partners.models import PartnerMembership
from tests.factories import (
    ContactPointFactory,
    HandoutIndexPageFactory,
    HandoutPageFactory,
    PartnerDirectoryPageFactory,
    PartnerFactory,
    PdfVersionFactory,
    PolicyFieldFactory,
    handout_body,
)

pytestmark = pytest.mark.django_db

EV_NAME = "Lebenshilfe Finsterwalde e.V."


@pytest.fixture
def directory(home_page):
    return PartnerDirectoryPageFactory(parent=home_page, title="Partnerverzeichnis", slug="partner")


@pytest.fixture
def partner(db):
    return PartnerFactory(name=EV_NAME, slug="lebenshilfe", phone="03531 000000")


@pytest.fixture
def handout(home_page, partner):
    index = HandoutIndexPageFactory(parent=home_page)
    point = ContactPointFactory(partner=partner, name="Beratung am Markt", slug="am-markt")
    page = HandoutPageFactory(
        parent=index,
        title="Erstes Gespräch",
        target_group="Alleinerziehende mit kleinen Kindern",
        body=handout_body("Hören Sie zu.", partner),
        contacts=[{"type": "contact_point", "value": {"contact_point": point.pk, "note": ""}}],
    )
    page.policy_fields.set([PolicyFieldFactory(name="Soziale Dienste", slug="soziale-dienste")])
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_handout_metadata_is_a_list_of_label_value_rows(client, handout):
    html = client.get(handout.url).text
    facts = html[html.index('<dl class="facts handout-facts">') : html.index("</dl>")]
    assert "<div><dt>Für</dt><dd>Mitarbeitende der Netzwerkpartner</dd></div>" in facts
    assert "<div><dt>Zielgruppe</dt><dd>Alleinerziehende mit kleinen Kindern</dd></div>" in facts
    assert "<div><dt>Politikfelder</dt><dd>Soziale Dienste</dd></div>" in facts


def test_partner_names_in_a_handout_link_to_their_directory_entry(client, handout, directory):
    html = client.get(handout.url).text
    assert f'<a href="/partner/lebenshilfe/">{EV_NAME}</a>' in html
    assert '<a href="/partner/lebenshilfe/#anlaufstelle-am-markt">Beratung am Markt</a>' in html
    assert client.get("/partner/lebenshilfe/").status_code == 200


def test_draft_partner_and_missing_directory_are_named_without_a_link(client, handout, partner):
    assert f"<strong>{EV_NAME}</strong>" in client.get(handout.url).text  # no directory yet
    PartnerDirectoryPageFactory(parent=handout.get_parent().get_parent(), slug="partner")
    partner.live = False
    partner.save()
    html = client.get(handout.url).text
    assert f"<strong>{EV_NAME}</strong>" in html
    assert "/partner/lebenshilfe/" not in html


def test_the_pdf_names_partners_without_web_links(handout, directory):
    html = build_print_html(handout.get_latest_revision()).html
    assert EV_NAME in html
    assert "/partner/lebenshilfe/" not in html


def test_earlier_versions_leave_out_the_current_one(client, handout):
    PdfVersionFactory(page=handout, version=1, page_count=2)
    html = client.get(handout.url).text
    assert "Frühere Versionen" not in html, "the only version is the current one"
    PdfVersionFactory(page=handout, version=2, page_count=2)
    html = client.get(handout.url).text
    earlier = html[html.index("Frühere Versionen") :]
    assert f"/pdf/{handout.pk}/v1/" in earlier
    assert f"/pdf/{handout.pk}/v2/" not in earlier
    assert "Version 2" not in earlier


def test_handout_pdf_link_names_format_pages_and_size(client, handout):
    PdfVersionFactory(page=handout, version=1, page_count=2)
    html = client.get(handout.url).text
    link = html[html.index('<p class="download download--pdf">') :]
    link = link[: link.index("</p>")]
    assert f'href="/pdf/{handout.pk}/"' in link
    assert "PDF, 2 Seiten, 1,2\xa0KB, Version 1 vom " in link


def test_no_double_full_stop_after_a_name_ending_in_one(client, django_user_model, partner):
    user = django_user_model.objects.create_user("mitarbeiterin", password="x-geheim-123")
    PartnerMembership.objects.create(user=user, partner=partner)
    client.force_login(user)
    html = client.get("/konto/").text
    assert f"für {EV_NAME}</p>" in html
    assert "e.V.." not in html


def test_directory_ends_the_moderator_sentence_once(client, directory, partner):
    PolicyFieldFactory(name="Soziale Dienste", slug="soziale-dienste", moderated_by=partner)
    html = client.get(directory.url).text
    assert "Moderiert von <a" in html and f">{EV_NAME}</a></dd>" in html
    assert "e.V.." not in html
    partner.name = "Beratungsverein Nord"
    partner.save()
    assert ">Beratungsverein Nord</a>.</dd>" in client.get(directory.url).text
