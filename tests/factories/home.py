"""Test factories for the website's page types, images and barrier reports."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from home.models import (
    AccessibilityFeedback,
    AccessibilityStatementPage,
    CustomImage,
    HomePage,
    LegalPage,
    LeichteSprachePage,
    NewsIndexPage,
    NewsPage,
    NewsPageGalleryImage,
    StandardPage,
)

__all__ = [
    "AccessibilityFeedbackFactory",
    "AccessibilityStatementPageFactory",
    "CustomImageFactory",
    "HomePageFactory",
    "LegalPageFactory",
    "LeichteSprachePageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "NewsPageGalleryImageFactory",
    "StandardPageFactory",
]


class CustomImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Bild {n}")
    credit = "Foto: Beispiel"

    class Meta:
        model = CustomImage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startseite"
    intro = "<p>Willkommen beim Netzwerk.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
    intro = "Eine kurze Einleitung."

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktuelles"
    slug = "aktuelles"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nachricht {n}")
    date = datetime.date(2013, 2, 26)
    place = "Finsterwalde"
    intro = "Eine kurze Meldung."

    class Meta:
        model = NewsPage


class NewsPageGalleryImageFactory(DjangoModelFactory):
    page = factory.SubFactory(NewsPageFactory)
    image = factory.SubFactory(CustomImageFactory)
    caption = "Bildunterschrift"

    class Meta:
        model = NewsPageGalleryImage


class LegalPageFactory(wagtail_factories.PageFactory):
    title = "Impressum"
    slug = "impressum"
    body = "<p>Angaben gemäß § 5 DDG.</p>"

    class Meta:
        model = LegalPage


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    title = "Erklärung zur Barrierefreiheit"
    slug = "barrierefreiheit"
    body = "<p>Wir möchten, dass alle diese Website nutzen können.</p>"

    class Meta:
        model = AccessibilityStatementPage


class LeichteSprachePageFactory(wagtail_factories.PageFactory):
    title = "Leichte Sprache"
    slug = "leichte-sprache"
    body = "<p>Hier erklären wir die Website in Leichter Sprache.</p>"

    class Meta:
        model = LeichteSprachePage


class AccessibilityFeedbackFactory(DjangoModelFactory):
    message = "Das Formular ist mit der Tastatur nicht bedienbar."

    class Meta:
        model = AccessibilityFeedback
