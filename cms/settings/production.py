"""Production: every secret and host from the environment, nothing defaulted.

Importing this module without SECRET_KEY (or with an unsafe one) raises
ImproperlyConfigured, so a misconfigured container stops at start-up.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names in production.")

if EMAIL_BACKEND.endswith(("console.EmailBackend", "locmem.EmailBackend")):  # noqa: F405
    raise ImproperlyConfigured(
        "EMAIL_URL must name the mail server in production, e.g. "
        "smtp+tls://user:password@mail.example:587."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# The container health check calls /health/ over plain HTTP from inside the container.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405
# Behind the TLS proxy REMOTE_ADDR is the proxy: lockouts, rate limits and the audit take the
# client address from the X-Forwarded-For entry that the trusted proxy appended
# (security.client_ip).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
# Editors on the internet-facing admin confirm each login with an authenticator app.
WAGTAIL_2FA_REQUIRED = env.bool("WAGTAIL_2FA_REQUIRED", default=True)
