"""The access tests run on the two-partner scenario (``tests.fixtures.scenarios``)."""

import pytest


@pytest.fixture(autouse=True)
def no_broker(sent_jobs):
    """Publishing enqueues renders; these tests never need the broker."""
    return sent_jobs
