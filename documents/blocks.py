"""Print-friendly StreamField blocks of handout guidelines.

Every block renders to plain semantic HTML that works on screen and in the PDF
(WeasyPrint tags headings, lists and figures for PDF/UA). References to partners
and contact points are SnippetChooserBlocks, so Wagtail's ReferenceIndex knows
which handouts to re-render when a partner record changes.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 keeps the outline (and PDF bookmarks) in order."""

    text = blocks.CharBlock(label=_("Überschrift"), max_length=150)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Abschnitt")), ("h3", _("Unterabschnitt"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "documents/blocks/heading.html"
        description = _("Gliedert die Anleitung; erscheint im PDF als Lesezeichen")
        preview_value = {"text": "Erstes Gespräch", "level": "h2"}


class StepsBlock(blocks.StructBlock):
    """Numbered steps: what partner staff do, in order."""

    title = blocks.CharBlock(label=_("Titel"), max_length=150, required=False)
    steps = blocks.ListBlock(
        blocks.CharBlock(label=_("Schritt"), max_length=400), label=_("Schritte")
    )

    class Meta:
        icon = "list-ol"
        label = _("Arbeitsschritte")
        template = "documents/blocks/steps.html"
        description = _("Nummerierte Liste der Arbeitsschritte")
        preview_value = {
            "title": "So gehen Sie vor",
            "steps": ["Zeit nehmen und zuhören", "Angebote im Netzwerk nennen"],
        }


class NoteBlock(blocks.StructBlock):
    """A highlighted hint (e.g. on data protection) that must not be overlooked."""

    title = blocks.CharBlock(label=_("Titel"), max_length=150, default="Hinweis")
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("Hinweis")
        template = "documents/blocks/note.html"
        description = _("Hervorgehobener Hinweiskasten")
        preview_value = {"title": "Hinweis", "text": "<p>Vertraulichkeit wahren.</p>"}


class FigureBlock(blocks.StructBlock):
    """An image with alt text and caption; the credit comes from the image record."""

    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        max_length=250,
        help_text=_("Beschreibt das Bild für Menschen, die es nicht sehen."),
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "documents/blocks/figure.html"
        description = _("Bild mit Alternativtext; der Bildnachweis wird automatisch ergänzt")


class PartnerReferenceBlock(blocks.StructBlock):
    """A partner whose contact block is printed; the note says what they help with."""

    partner = SnippetChooserBlock("partners.Partner", label=_("Partner"))
    note = blocks.CharBlock(label=_("Wofür zuständig"), max_length=250, required=False)

    class Meta:
        icon = "group"
        label = _("Netzwerkpartner")
        template = "documents/blocks/partner.html"
        description = _("Kontaktblock eines Netzwerkpartners (wird bei Änderungen aktualisiert)")


class ContactPointReferenceBlock(blocks.StructBlock):
    """A contact point (office, consultation hours) of a partner."""

    contact_point = SnippetChooserBlock("partners.ContactPoint", label=_("Anlaufstelle"))
    note = blocks.CharBlock(label=_("Wofür zuständig"), max_length=250, required=False)

    class Meta:
        icon = "site"
        label = _("Anlaufstelle")
        template = "documents/blocks/contact_point.html"
        description = _("Anlaufstelle mit Sprechzeiten (wird bei Änderungen aktualisiert)")


class HandoutStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Absatz"),
        features=["bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        template="documents/blocks/paragraph.html",
    )
    steps = StepsBlock()
    note = NoteBlock()
    figure = FigureBlock()
    partner = PartnerReferenceBlock()
    contact_point = ContactPointReferenceBlock()


class ContactsStreamBlock(blocks.StreamBlock):
    """Who to contact: printed as contact blocks at the end of the handout."""

    partner = PartnerReferenceBlock()
    contact_point = ContactPointReferenceBlock()
