"""factory_boy factories for the website's page types (used by tests and load_demo)."""

import wagtail_factories

from home.models import HomePage

__all__ = ["HomePageFactory"]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startseite"

    class Meta:
        model = HomePage
