"""Re-exports the apps' factories so tests import from one place."""

from home.factories import *  # noqa: F403
from partners.factories import *  # noqa: F403
