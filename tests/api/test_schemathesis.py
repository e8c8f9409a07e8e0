"""Property-based tests of every operation in the served OpenAPI document (schemathesis).

The schema is loaded from /api/v3/openapi.json of the in-process WSGI app, so
the test runs against exactly what clients see. For each operation a bounded
number of generated requests (SCHEMATHESIS_MAX_EXAMPLES, default 8) is sent,
anonymously, and for reading operations also with an editor's token. Wagtail's
own write operations are left out (see ``reads_and_project_writes``). Every
response must be below 500 and, where the schema documents the status, match
the documented response schema.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.conftest import bearer, make_version

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "8"))
CHECKS = [not_a_server_error, response_schema_conformance]
#: The project's own routers also document every error status they answer with.
PROJECT_PATHS = (
    "/api/v3/partners/",
    "/api/v3/policy-fields/",
    "/api/v3/contact-points/",
    "/api/v3/pdf/",
    "/api/v3/opendata/",
)


@pytest.fixture
def content(partners, handouts):
    """Some data for the generated requests to find: partners, handouts, PDF versions."""
    make_version(handouts["public"], 1)
    make_version(handouts["restricted"], 1)
    return partners


@pytest.fixture(autouse=True)
def keep_connection():
    """Like Django's test client: keep the test's database connection (and its
    transaction) open across the in-process WSGI requests."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def reads_and_project_writes(ctx) -> bool:
    """Every reading operation, and the writing operations this project adds.

    Wagtail's own write operations (pages, images, documents, snippets) are
    tested by Wagtail; generating their large StreamField bodies would take
    minutes without telling us more about this project.
    """
    operation = ctx.operation
    return operation.method.upper() == "GET" or operation.path.startswith("/api/v3/pdf/")


schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", get_wsgi_application()).include(
    reads_and_project_writes
)
# The coverage phase enumerates every boundary case of every parameter and
# ignores max_examples; on Wagtail's page filters that takes minutes. Bounded
# fuzzing (plus the schema's own examples) keeps the run within a minute.
schema.config.phases.update(phases=["examples", "fuzzing"])


@pytest.fixture
def editor_headers(editor):
    return bearer(editor, name="schemathesis")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.django_db
def test_no_server_error_and_responses_match_schema(case, content, editor_headers):
    checks = CHECKS
    if case.operation.path.startswith(PROJECT_PATHS):
        checks = [*CHECKS, status_code_conformance]
    case.call_and_validate(checks=checks)
    if case.method.upper() == "GET":
        case.call_and_validate(checks=checks, headers=editor_headers)
