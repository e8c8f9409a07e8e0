"""Settings shared by every environment. Values come from environment variables.

No secret lives here: SECRET_KEY is read by each environment's module, and
production refuses to start without one.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from cms.bootstrap import read_env

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()
read_env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # First, so its templates (error pages) and static files win, as project files should.
    "cms",
    "home",
    "partners",
    "accounts",
    "documents",
    "moderation",
    "notifications",
    "worker",
    "operations",
    "demo",
    "security",
    "wagtail_modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.typed_table_block",
    "wagtail.api.v3",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "health_check",
    "ninja",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # Outermost: every error answer under /api/ leaves as problem+json (cms/problems.py).
    "cms.problems.ApiProblemMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "security.middleware.SecurityHeadersMiddleware",
    # Before anything reads the path, query or cookies: no NUL reaches a view or the database.
    "security.input.RequestInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Stored responses for anonymous readers, cleared on every publish (cms/pagecache.py).
    "cms.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "security.middleware.TwoFactorMiddleware",
    # Last, so it turns axes' lockout signal into the German lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite for a server-less start, PostgreSQL via DATABASE_URL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets web, worker and beat share the file without "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: German site, German admin.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch")]
WAGTAIL_CONTENT_LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
# Served at the site root by WhiteNoise: /favicon.ico, which browsers and feed readers ask for.
WHITENOISE_ROOT = PROJECT_DIR / "public"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media: MEDIA_ROOT, or an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set.
from cms.settings.storage import *  # noqa: E402, F403

if AWS_STORAGE_BUCKET_NAME:  # noqa: F405
    STORAGES["default"] = {"BACKEND": "cms.storage.MediaBucketStorage"}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Cache: Redis when REDIS_URL is set, else process-local memory. The Redis cache fails
# open (django-redis IGNORE_EXCEPTIONS): while Redis is unreachable every cache call is
# logged (logger "cms.cache") and answers as a miss or does nothing, so the site, the
# admin and publishing keep working; short socket timeouts keep a dead host from
# holding up requests.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env("CACHE_URL", default=REDIS_URL),
            "KEY_PREFIX": "una",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": env.float("CACHE_SOCKET_TIMEOUT", default=1.0),
                "SOCKET_TIMEOUT": env.float("CACHE_SOCKET_TIMEOUT", default=1.0),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "cms.cache"
# Page cache (cms/pagecache.py): publishing, snippet and settings changes clear it. Only with
# a cache that all processes share (Redis); process-local memory would serve stale pages.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=bool(REDIS_URL))
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=600)
PAGE_CACHE_EXCLUDE = [
    "/admin/",
    "/konto/",
    "/health/",
    "/metrics",
    "/pdf/",
    "/dokumente/",
    "/static/",
    "/media/",
]

# Wagtail
WAGTAIL_SITE_NAME = "Unterstützungsnetzwerk für Alleinerziehende Elbe-Elster"
PORT = env.int("PORT", default=8000)  # of `make run` (Procfile); only for the default below
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=f"http://127.0.0.1:{PORT}")
WAGTAILIMAGES_IMAGE_MODEL = "home.CustomImage"
# Wagtail's login form leaves the password unlabelled ("Password" in every language).
WAGTAILADMIN_USER_LOGIN_FORM = "security.admin_login.AdminLoginForm"
# Page addresses stay ASCII (/ueber-uns/, not /%C3%BCber-uns/); the editor transliterates.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# German stemming with prefix matching and excerpts on PostgreSQL (cms/search.py); Wagtail's
# own database backend on SQLite. After switching an existing site, run `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "txt", "mp4", "webm"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents always go through Wagtail's serve view (and its access hook), never a redirect
# to the storage's own URL, which would skip collection privacy.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_I18N_ENABLED = False
# An approved coordination workflow publishes even though coordinators lack "publish".
WAGTAIL_FINISH_WORKFLOW_ACTION = "moderation.finish.publish_approved"
# Superusers get Wagtail's "submitted to workflow" mail (moderation/notifications.py).
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = True
WAGTAILAPI_BASE_URL = env("WAGTAILAPI_BASE_URL", default=WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100

# django-tasks: Wagtail updates its ReferenceIndex in a task after save. The
# immediate backend runs it on commit in the same process, so a render
# triggered by a snippet change sees the updated index.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Celery: Redis when REDIS_URL is set, else a broker on the local file system (folders:
# cms/embedded.py; the host name, ignored by it, keeps kombu from warning on each command).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "filesystem://localhost/")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = BASE_DIR / "var" / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "out"),
        "data_folder_out": str(_broker_dir / "out"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # Must exceed the hard time limit so a long render is not delivered twice.
        "visibility_timeout": 900,
        # Sending a job while Redis is down fails at once instead of retrying for seconds
        # inside the editor's request: the job stays pending and the sweeper sends it.
        # (Workers reconnect with their own retry loop, broker_connection_max_retries.)
        "max_retries": 0,
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_TIME_LIMIT = 300
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=400_000)
# Render limits (documents/rendering/limits.py): print HTML above this many bytes
# is refused before WeasyPrint starts; a render whose process holds more than
# this many MiB of memory is stopped, and each worker child's address space is
# capped at that plus 1 GiB. 0 switches a limit off.
DOCUMENTS_MAX_PRINT_HTML_BYTES = env.int("DOCUMENTS_MAX_PRINT_HTML_BYTES", default=256 * 1024)
DOCUMENTS_RENDER_MEMORY_LIMIT_MB = env.int("DOCUMENTS_RENDER_MEMORY_LIMIT_MB", default=768)
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE_FILENAME = str(BASE_DIR / "var" / "celerybeat-schedule")
# Render ledger (documents/pipeline.py), in seconds. A rendering worker renews its job's
# lease every third of DOCUMENTS_LEASE_SECONDS; a running job whose lease ran out lost its
# worker. The sweeper runs every DOCUMENTS_SWEEP_SECONDS and resends such jobs and jobs
# still pending DOCUMENTS_PENDING_RESEND_AFTER seconds after they were sent (lost message).
# A killed worker's job is therefore rendered again after at most lease + sweep interval.
DOCUMENTS_LEASE_SECONDS = env.int("DOCUMENTS_LEASE_SECONDS", default=30)
DOCUMENTS_SWEEP_SECONDS = env.int("DOCUMENTS_SWEEP_SECONDS", default=15)
DOCUMENTS_PENDING_RESEND_AFTER = env.int("DOCUMENTS_PENDING_RESEND_AFTER", default=120)
DOCUMENTS_MAX_ATTEMPTS = env.int("DOCUMENTS_MAX_ATTEMPTS", default=5)
# Wagtail's scheduled publishing (go-live and expiry dates) runs every this many seconds.
PUBLISH_SCHEDULED_SECONDS = env.int("PUBLISH_SCHEDULED_SECONDS", default=60)
# What beat runs when is worker/schedule.py.
# /metrics (Prometheus) answers only with "Authorization: Bearer <METRICS_TOKEN>"; without a
# token it is 404. /health/ reports beat dead after HEALTH_BEAT_MAX_AGE_SECONDS without a sweep,
# and a worker alive when one answers a ping within HEALTH_WORKER_PING_SECONDS or finished a
# job within HEALTH_WORKER_RECENT_SECONDS.
METRICS_TOKEN = env("METRICS_TOKEN", default="")
HEALTH_BEAT_MAX_AGE_SECONDS = env.int("HEALTH_BEAT_MAX_AGE_SECONDS", default=180)
HEALTH_WORKER_PING_SECONDS = env.float("HEALTH_WORKER_PING_SECONDS", default=2.0)
HEALTH_WORKER_RECENT_SECONDS = env.int("HEALTH_WORKER_RECENT_SECONDS", default=300)
# Partner entries older than this many days (no approved change, no confirmation) are overdue:
# their members get a reminder (partners/reminders.py), again every PARTNERS_REMIND_EVERY_DAYS.
PARTNERS_CONFIRM_AFTER_DAYS = env.int("PARTNERS_CONFIRM_AFTER_DAYS", default=180)
PARTNERS_REMIND_EVERY_DAYS = env.int("PARTNERS_REMIND_EVERY_DAYS", default=30)
# The admin dashboard lists render jobs still waiting or running after this many minutes.
DASHBOARD_STUCK_JOB_MINUTES = env.int("DASHBOARD_STUCK_JOB_MINUTES", default=5)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(process)d %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
        # One line per background task or app start is noise for an operator.
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

LOGIN_URL = "/konto/anmelden/"
LOGIN_REDIRECT_URL = "/"
# Wagtail's page privacy sends visitors to the site login (accounts), not its own form.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
# Reset mails per target address and per client (django-ratelimit rates, "count/period").
PASSWORD_RESET_RATE_PER_ADDRESS = env("PASSWORD_RESET_RATE_PER_ADDRESS", default="3/h")
PASSWORD_RESET_RATE_PER_CLIENT = env("PASSWORD_RESET_RATE_PER_CLIENT", default="10/h")
# Download audit of restricted PDFs (documents/audit.py): days kept, client address stored?
DOCUMENTS_AUDIT_RETENTION_DAYS = env.int("DOCUMENTS_AUDIT_RETENTION_DAYS", default=365)
DOCUMENTS_AUDIT_STORE_IP = env.bool("DOCUMENTS_AUDIT_STORE_IP", default=False)
# Passwords of the demo accounts `make run` creates (demo_accounts; development only).
DEMO_ADMIN_PASSWORD = env("DEMO_ADMIN_PASSWORD", default="")
DEMO_PARTNER_PASSWORD = env("DEMO_PARTNER_PASSWORD", default="")
DEMO_COORDINATOR_PASSWORD = env("DEMO_COORDINATOR_PASSWORD", default="")
# Mail server as one URL (django-environ's email_url): smtp://host:25, smtp+tls://user:pw@host:587,
# smtp+ssl://…:465. Development prints mails on the console; production requires a server.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="netzwerk@alleinerziehende-ee.de")

# Change notifications (notifications/): how the worker retries a mail server that fails,
# how often beat's sweeper looks for undelivered mails, and when the weekly digest goes out
# (day of week 0 = Sunday … 6 = Saturday, hour in TIME_ZONE).
NOTIFICATIONS_RETRY_SECONDS = env.int("NOTIFICATIONS_RETRY_SECONDS", default=60)
NOTIFICATIONS_TASK_RETRIES = env.int("NOTIFICATIONS_TASK_RETRIES", default=5)
NOTIFICATIONS_MAX_ATTEMPTS = env.int("NOTIFICATIONS_MAX_ATTEMPTS", default=48)
NOTIFICATIONS_SWEEP_SECONDS = env.int("NOTIFICATIONS_SWEEP_SECONDS", default=60)
NOTIFICATIONS_DIGEST_WEEKDAY = env.int("NOTIFICATIONS_DIGEST_WEEKDAY", default=1)
NOTIFICATIONS_DIGEST_HOUR = env.int("NOTIFICATIONS_DIGEST_HOUR", default=7)

# Security: headers, content security policy, login throttling, two factors.
# Production adds HSTS, secure cookies and the HTTPS redirect (production.py).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
# No avatars from gravatar.com, no version check with wagtail.org: the admin makes no
# request to a third-party host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

from cms.settings.csp import CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_BY_PATH  # noqa: E402, F401

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out login is refused before the password is even checked.
    "security.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
# Per account and client: a wrong password typed elsewhere does not lock the editor out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_CALLABLE = "security.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429

# Two-factor login (TOTP) for the Wagtail admin; editors enrol under Konto -> Zwei-Faktor.
WAGTAIL_2FA_REQUIRED = env.bool("WAGTAIL_2FA_REQUIRED", default=False)
OTP_TOTP_ISSUER = "UNA Elbe-Elster"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "security.uploads.SecureDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "security.uploads.SecureImageForm"
# One client address for lockouts, rate limits and the audit (security/client_ip.py):
# the number of reverse proxies in front of the app that append to X-Forwarded-For.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "security.client_ip.client_ip"
# Rate limits (django-ratelimit) count in the default cache; while Redis is down they let
# requests through rather than lock everyone out (the login lockout is in the database).
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True
