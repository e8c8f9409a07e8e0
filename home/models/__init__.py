"""Models of the website app, split by topic."""

from home.models.accessibility import AccessibilityFeedback, AccessibilityStatementPage
from home.models.images import CustomImage, CustomRendition
from home.models.pages import (
    HomePage,
    LegalPage,
    LeichteSprachePage,
    NewsIndexPage,
    NewsPage,
    NewsPageGalleryImage,
    StandardPage,
)
from home.models.site_settings import FunderLogo, NavigationSettings, SiteSettings

__all__ = [
    "AccessibilityFeedback",
    "AccessibilityStatementPage",
    "CustomImage",
    "CustomRendition",
    "FunderLogo",
    "HomePage",
    "LegalPage",
    "LeichteSprachePage",
    "NavigationSettings",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageGalleryImage",
    "SiteSettings",
    "StandardPage",
]
