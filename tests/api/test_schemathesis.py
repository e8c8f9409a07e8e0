"""Property-based tests of every operation in the served OpenAPI document (schemathesis).

The schema is loaded from /api/v3/openapi.json of the in-process WSGI app, so
the test runs against exactly what clients see. Every operation is exercised,
anonymously and with an editor's token:

* reading operations and the project's own writes get a bounded number of
  generated requests (SCHEMATHESIS_MAX_EXAMPLES, default 8); every response
  must be below 500, every error problem+json, and where the schema documents
  the status the body must match the documented schema;
* Wagtail's own write operations (pages, images, documents, snippets, sites,
  redirects) get WRITE_EXAMPLES requests each: their StreamField bodies are
  slow to generate, and Wagtail tests what they do; here they must never
  answer 5xx nor an error that is not problem+json.

All operations of one kind run in one test over the same content, so the
content is built once rather than once per operation; a failure names the
operation and the generated request. NUL characters and integers beyond
bigint in every query parameter are sent deterministically by test_input_fuzz.py.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)
from wagtail.api.v3.errors import PROBLEM_JSON

from tests.api.conftest import bearer, make_version

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "8"))
WRITE_EXAMPLES = 2
#: No snippet model is translatable, so this operation's ``type`` is the empty string
#: and no URL matches it; nothing can be generated for it.
NO_VALID_URL = "/api/v3/snippets/{type}/{pk}/actions/copy_for_translation/"
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


@pytest.fixture
def editor_headers(editor_user):
    return bearer(editor_user, name="schemathesis")


def error_is_problem_json(ctx, response, case) -> None:
    """Every error answer of the API is an RFC 7807 problem, whatever produced it."""
    if response.status_code >= 400:
        content_type = response.headers.get("content-type", [""])[0]
        assert content_type.startswith(PROBLEM_JSON), (
            f"{response.status_code} answered as {content_type!r}, not problem+json"
        )


READ_CHECKS = [not_a_server_error, response_schema_conformance, error_is_problem_json]
WRITE_CHECKS = [not_a_server_error, error_is_problem_json]


def reads_and_project_writes(ctx) -> bool:
    """Every reading operation, and the writing operations this project adds."""
    operation = ctx.operation
    return operation.method.upper() == "GET" or operation.path.startswith("/api/v3/pdf/")


def wagtail_writes(ctx) -> bool:
    return not reads_and_project_writes(ctx) and ctx.operation.path != NO_VALID_URL


SCHEMA = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", get_wsgi_application())


def operations(include) -> list:
    return [result.ok() for result in SCHEMA.include(include).get_all_operations()]


def fuzz(operation, examples: int, checks: list, editor_headers: dict) -> str | None:
    """Bounded, deterministic generated requests to one operation; the failure, if any.

    Only the fuzzing phase runs: the coverage phase enumerates every boundary
    case of every parameter and ignores max_examples (minutes on Wagtail's page
    filters), and the schema has no examples of its own.
    """

    @given(case=operation.as_strategy())
    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(checks=checks)
        if case.method.upper() == "GET" or checks is WRITE_CHECKS:
            case.call_and_validate(checks=checks, headers=editor_headers)

    try:
        run()
    except Exception as exc:  # collected, so one run reports every operation
        return f"{operation.label}: {exc}"
    return None


@pytest.mark.django_db
def test_reads_and_project_writes_give_no_server_error_and_match_the_schema(
    content, editor_headers
):
    failures = []
    for operation in operations(reads_and_project_writes):
        checks = READ_CHECKS
        if operation.path.startswith(PROJECT_PATHS):
            checks = [*READ_CHECKS, status_code_conformance]
        failures.append(fuzz(operation, MAX_EXAMPLES, checks, editor_headers))
    assert [failure for failure in failures if failure] == []


@pytest.mark.django_db
def test_wagtail_writes_give_no_server_error(content, editor_headers):
    failures = [
        fuzz(operation, WRITE_EXAMPLES, WRITE_CHECKS, editor_headers)
        for operation in operations(wagtail_writes)
    ]
    assert [failure for failure in failures if failure] == []


def test_every_operation_is_exercised():
    exercised = {
        (operation.method.upper(), operation.path)
        for include in (reads_and_project_writes, wagtail_writes)
        for operation in operations(include)
    }
    documented = {
        (operation.method.upper(), operation.path) for operation in operations(lambda ctx: True)
    }
    assert len(documented) > 60
    assert documented - exercised == {("POST", NO_VALID_URL)}
