"""factory_boy factories for the tests, one module per app; import them from here."""

from tests.factories.accounts import *  # noqa: F403
from tests.factories.documents import *  # noqa: F403
from tests.factories.home import *  # noqa: F403
from tests.factories.partners import *  # noqa: F403
