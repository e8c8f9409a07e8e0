"""factory_boy factories for handout pages (used by tests and synthetic demo data)."""

import factory
import wagtail_factories

from documents.models import HandoutIndexPage, HandoutPage

__all__ = ["HandoutIndexPageFactory", "HandoutPageFactory", "handout_body"]


def handout_body(text: str = "Hören Sie zu und nehmen Sie sich Zeit.", partner=None) -> list:
    """Raw StreamField data of a short handout; with ``partner`` it references the snippet."""
    body = [
        {"type": "heading", "value": {"text": "Worum es geht", "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{text}</p>"},
        {
            "type": "steps",
            "value": {"title": "So gehen Sie vor", "steps": ["Zuhören", "Angebote nennen"]},
        },
    ]
    if partner is not None:
        body.append({"type": "partner", "value": {"partner": partner.pk, "note": "Beratung"}})
    return body


class HandoutIndexPageFactory(wagtail_factories.PageFactory):
    title = "Handlungsanleitungen"
    slug = "handlungsanleitungen"

    class Meta:
        model = HandoutIndexPage


class HandoutPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Handlungsanleitung {n:03d}")
    slug = factory.Sequence(lambda n: f"handlungsanleitung-{n:03d}")
    target_group = "Alleinerziehende"
    summary = "Kurz und praktisch: worauf es im Gespräch ankommt."
    body = factory.LazyFunction(handout_body)

    class Meta:
        model = HandoutPage
