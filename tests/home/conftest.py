"""Page trees for the website tests, built with wagtail-factories."""

import pytest

from tests.factories import (
    AccessibilityStatementPageFactory,
    CustomImageFactory,
    LegalPageFactory,
    LeichteSprachePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    NewsPageGalleryImageFactory,
    StandardPageFactory,
)


@pytest.fixture
def image(db):
    return CustomImageFactory(title="Netzwerktreffen", credit="Foto: Beispielfotografin")


@pytest.fixture
def standard_page(home_page):
    return StandardPageFactory(
        parent=home_page,
        title="Über das Netzwerk",
        slug="ueber-das-netzwerk",
        intro="Rund 30 Partner arbeiten zusammen.",
        body=[("paragraph", "<p>Vier Organisationen moderieren die Politikfelder.</p>")],
        show_in_menus=True,
    )


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture
def news_page(news_index, image):
    page = NewsPageFactory(
        parent=news_index,
        title="Abschlussveranstaltung",
        slug="abschlussveranstaltung",
        place="Juselhalle Finsterwalde",
        talks=[("talk", {"title": "Medien und Sozialkontakte im Netz", "speaker": ""})],
    )
    NewsPageGalleryImageFactory(page=page, image=image, caption="Ausklang in der Juselhalle")
    return page


@pytest.fixture
def legal_page(home_page):
    return LegalPageFactory(parent=home_page)


@pytest.fixture
def accessibility_page(home_page):
    return AccessibilityStatementPageFactory(parent=home_page)


@pytest.fixture
def easy_page(home_page):
    return LeichteSprachePageFactory(parent=home_page)
