"""Settings of the Celery worker processes the integration tests start.

The test settings plus short sweeper thresholds (a test may shorten the lease and
the beat interval further through DOCUMENTS_LEASE_SECONDS / DOCUMENTS_SWEEP_SECONDS
in the worker's environment). Slow renders come from tests/documents/slow_worker.py.
"""

from cms.settings.test import *  # noqa: F403
from cms.settings.test import env

DOCUMENTS_PENDING_RESEND_AFTER = 1
DOCUMENTS_LEASE_SECONDS = env.int("DOCUMENTS_LEASE_SECONDS", default=4)
