"""Editors get sensible page-type choices: parent/child rules of the website."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import (
    AccessibilityStatementPage,
    HomePage,
    LegalPage,
    LeichteSprachePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)


class PageRulesTests(WagtailPageTestCase):
    def test_home_page_only_under_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_content_pages_under_home(self):
        for page_type in (
            StandardPage,
            NewsIndexPage,
            LegalPage,
            AccessibilityStatementPage,
            LeichteSprachePage,
        ):
            with self.subTest(page_type=page_type):
                self.assertCanCreateAt(HomePage, page_type)

    def test_news_only_in_news_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(StandardPage, NewsPage)

    def test_leaf_pages_have_no_children(self):
        for page_type in (NewsPage, LegalPage, AccessibilityStatementPage):
            with self.subTest(page_type=page_type):
                self.assertAllowedSubpageTypes(page_type, set())

    def test_standard_pages_nest(self):
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, NewsIndexPage)

    def test_leichte_sprache_pages_nest_only_among_themselves(self):
        self.assertAllowedSubpageTypes(LeichteSprachePage, {LeichteSprachePage})

    def test_search_fields_on_every_type(self):
        for page_type in (
            HomePage,
            StandardPage,
            NewsIndexPage,
            NewsPage,
            LegalPage,
            AccessibilityStatementPage,
            LeichteSprachePage,
        ):
            with self.subTest(page_type=page_type):
                names = {field.field_name for field in page_type.search_fields}
                assert "title" in names
                assert len(names) > 1
