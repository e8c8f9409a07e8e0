"""Settings for pytest. The database and broker are real: PostgreSQL and Redis."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-secret-key-not-for-production"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
ALLOWED_HOSTS = ["*"]
# Tests share one Redis between rolled-back transactions: the page cache is switched on
# only by the tests that exercise it (tests/cms/test_pagecache.py).
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=False)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://testserver")
# Serve static files from the apps' folders: tests need no collectstatic run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Wagtail caches renditions by image id and file hash; a fresh test database reuses ids, so
# renditions cached in the shared Redis by an earlier run must not be found again.
CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}  # noqa: F405
