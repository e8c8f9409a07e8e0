"""Rich text from the page editor is whitelisted: no scripts, event handlers or script URLs."""

import json

import pytest
from wagtail.models import Page

from tests.factories import LegalPageFactory

pytestmark = pytest.mark.django_db

TEXT = "<script>alert('x')</script> Beratung im Jobcenter"
LINK_OFFSET = TEXT.index("Jobcenter")
ATTACK = {
    "blocks": [
        {
            "key": "a1",
            "type": "unstyled",
            "text": TEXT,
            "depth": 0,
            "inlineStyleRanges": [],
            "entityRanges": [{"offset": LINK_OFFSET, "length": 9, "key": 0}],
        },
        {
            "key": "a2",
            "type": "script",
            "text": "alert('block')",
            "depth": 0,
            "inlineStyleRanges": [],
            "entityRanges": [],
        },
        {
            "key": "a3",
            "type": "atomic",
            "text": " ",
            "depth": 0,
            "inlineStyleRanges": [],
            "entityRanges": [{"offset": 0, "length": 1, "key": 1}],
        },
    ],
    "entityMap": {
        "0": {
            "type": "LINK",
            "mutability": "MUTABLE",
            "data": {"url": "javascript:alert('link')", "onclick": "alert('click')"},
        },
        "1": {
            "type": "IMAGE",
            "mutability": "IMMUTABLE",
            "data": {"src": "x", "alt": 'x" onerror="alert(1)', "onerror": "alert(2)"},
        },
    },
}


def assert_harmless(html: str):
    lowered = html.lower()
    assert "<script" not in lowered
    assert "onerror" not in lowered
    assert "onclick" not in lowered
    assert "javascript:" not in lowered


def test_script_and_event_handlers_posted_through_the_page_editor_are_not_rendered(
    admin_client, home_page
):
    response = admin_client.post(
        f"/admin/pages/add/home/legalpage/{home_page.pk}/",
        {
            "title": "Impressum",
            "slug": "impressum",
            "body": json.dumps(ATTACK),
            "last_updated": "",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    page = Page.objects.get(slug="impressum").specific
    assert "Beratung im <a>Jobcenter</a>" in page.body, "the link lost its script URL"
    assert_harmless(page.body)

    rendered = admin_client.get(page.url)
    assert rendered.status_code == 200
    assert "Beratung im" in rendered.text
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in rendered.text, "shown as text"
    assert "alert('block')" not in rendered.text, "unknown block types are dropped"
    assert "onerror" not in rendered.text.lower()
    assert "javascript:alert" not in rendered.text.lower()


def test_html_stored_by_other_means_is_whitelisted_when_an_editor_opens_it(admin_client, home_page):
    page = LegalPageFactory(
        parent=home_page,
        title="Datenschutz",
        slug="datenschutz",
        body='<p>Text<script>alert(1)</script><img src="x" onerror="alert(2)"/>'
        '<a href="javascript:alert(3)">Link</a></p>',
    )
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    editor_state = response.context["form"]["body"].value()
    widget = response.context["form"].fields["body"].widget
    contentstate = widget.format_value(editor_state)
    assert "Text" in contentstate
    assert_harmless(widget.converter.to_database_format(contentstate))
