"""The description between the plain-text form and the stored rich text."""

import pytest

from partners.entry.text import has_formatting, plain_to_richtext, richtext_to_plain

STORED = (
    "<p>Beratung &amp; Begleitung für <b>Alleinerziehende</b>.<br/>Mit Termin.</p>"
    "<ul><li>Kinderbetreuung</li><li>Ausbildung</li></ul>"
    '<p>Mehr auf <a linktype="page" id="3">unserer Seite</a>.</p>'
)


def test_stored_rich_text_reads_as_plain_text():
    assert richtext_to_plain(STORED) == (
        "Beratung & Begleitung für Alleinerziehende.\nMit Termin.\n\n"
        "- Kinderbetreuung\n- Ausbildung\n\nMehr auf unserer Seite."
    )


def test_plain_text_becomes_escaped_paragraphs_breaks_and_lists():
    text = 'Erste Zeile <b onclick="x">\r\nzweite Zeile\n\n\n- eins\n• zwei & drei\n\nEnde'
    assert plain_to_richtext(text) == (
        "<p>Erste Zeile &lt;b onclick=&quot;x&quot;&gt;<br/>zweite Zeile</p>"
        "<ul><li>eins</li><li>zwei &amp; drei</li></ul><p>Ende</p>"
    )


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text_is_an_empty_description(text):
    assert plain_to_richtext(text) == ""


def test_simple_rich_text_survives_the_round_trip():
    html = "<p>Beratung<br/>mit Termin</p><ul><li>eins</li></ul>"
    assert plain_to_richtext(richtext_to_plain(html)) == html


def test_formatting_the_plain_text_cannot_keep_is_recognised():
    assert has_formatting(STORED)
    assert not has_formatting("<p>Nur Text<br/>und Zeilen</p><ul><li>eins</li></ul>")
