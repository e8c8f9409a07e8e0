from django.conf import settings
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path
from health_check.views import HealthCheckView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts import urls as account_urls
from cms import views
from cms.api import api
from cms.media import document_urlpatterns
from cms.media import urlpatterns as media_urlpatterns
from documents import handouts
from home.sitemaps import PublicSitemap
from security.password_reset import AdminPasswordResetView

urlpatterns = [
    # Ahead of Wagtail's own view: the same form, with the reset rate limit.
    path(
        "admin/password_reset/",
        AdminPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    *document_urlpatterns,
    path("dokumente/", include(wagtaildocs_urls)),
    path("api/v3/", api.urls),
    path("pdf/", include("documents.urls")),
    path(
        "health/",
        HealthCheckView.as_view(
            checks=[
                "health_check.checks.Database",
                "health_check.checks.Cache",
                "health_check.checks.Storage",
            ]
        ),
        name="health",
    ),
]

urlpatterns += media_urlpatterns

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()

urlpatterns += [
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PublicSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("suche/", views.search, name="search"),
    # /konto/: the account pages (accounts) and the handouts area (documents), one namespace.
    path("konto/", include((account_urls.urlpatterns + handouts.urlpatterns, "konto"))),
]

urlpatterns += [path("", include(wagtail_urls))]
