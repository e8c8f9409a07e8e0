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
from notifications import urls as notification_urls
from operations import views as operations_views
from security.password_reset import AdminPasswordResetView

WEB_CHECKS = [
    "health_check.checks.Database",
    "health_check.checks.Cache",
    "health_check.checks.Storage",
]
BEAT_CHECK = "operations.health.Beat"
WORKER_CHECK = "operations.health.Worker"
PIPELINE_CHECKS = [BEAT_CHECK, WORKER_CHECK]

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
    # Everything at once for people and monitoring; one part each for the container checks
    # (web restarts when its own services fail, not when beat does).
    path("health/", HealthCheckView.as_view(checks=[*WEB_CHECKS, *PIPELINE_CHECKS]), name="health"),
    path("health/web/", HealthCheckView.as_view(checks=WEB_CHECKS), name="health_web"),
    path("health/beat/", HealthCheckView.as_view(checks=[BEAT_CHECK]), name="health_beat"),
    path("health/worker/", HealthCheckView.as_view(checks=[WORKER_CHECK]), name="health_worker"),
    path("metrics", operations_views.metrics, name="metrics"),
]

urlpatterns += media_urlpatterns

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()

urlpatterns += [
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PublicSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("suche/", views.search, name="search"),
    # /konto/: the account pages (accounts), the handouts area (documents) and the choice of
    # notifications (notifications), one namespace.
    # The unsubscribe link of the notification mails: no login, no second factor.
    path("konto/benachrichtigungen/abbestellen/", include(notification_urls)),
    path(
        "konto/",
        include(
            (
                account_urls.urlpatterns
                + handouts.urlpatterns
                + notification_urls.account_urlpatterns,
                "konto",
            )
        ),
    ),
]

urlpatterns += [path("", include(wagtail_urls))]
