"""Settings of the Celery worker processes the integration tests start.

The test settings plus short sweeper thresholds (a test may shorten the lease and
the beat interval further through DOCUMENTS_LEASE_SECONDS / DOCUMENTS_SWEEP_SECONDS
in the worker's environment). Slow renders come from tests/documents/slow_worker.py.
"""

from cms.settings.test import *  # noqa: F403
from cms.settings.test import env

DOCUMENTS_PENDING_RESEND_AFTER = 1
# A test that starts a worker with EMAIL_URL (its SMTP server) gets real SMTP delivery;
# otherwise mails stay in the worker's memory, as in the test settings.
if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
NOTIFICATIONS_RETRY_SECONDS = env.int("NOTIFICATIONS_RETRY_SECONDS", default=1)
DOCUMENTS_LEASE_SECONDS = env.int("DOCUMENTS_LEASE_SECONDS", default=4)
