"""docker-compose.yml describes the same processes that `make run` starts.

There is no container engine on the build machine, so the file is checked by
parsing it and comparing its commands with the Procfile used by `make run`.
"""

import shlex
from pathlib import Path

import pytest
import yaml

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def procfile() -> dict[str, list[str]]:
    lines = (BASE_DIR / "Procfile").read_text().splitlines()
    return {name: shlex.split(cmd) for name, cmd in (line.split(":", 1) for line in lines if line)}


def program(argv: list[str]) -> list[str]:
    """What runs: the words before the first long option (bind address, concurrency differ)."""
    for index, arg in enumerate(argv):
        if arg.startswith("--"):
            return argv[:index]
    return argv


def test_services_form_the_production_topology(compose):
    assert {"web", "worker", "beat", "redis", "postgres", "s3"} <= set(compose["services"])
    assert {"s3", "redis", "postgres"} <= set(compose["volumes"])
    assert "media" not in compose["volumes"]


@pytest.mark.parametrize("name", ["web", "worker", "beat"])
def test_compose_runs_the_same_commands_as_make_run(compose, procfile, name):
    compose_cmd = shlex.split(compose["services"][name]["command"])
    assert program(compose_cmd) == program(procfile[name])


def test_worker_inherits_the_web_definition(compose):
    web, worker = compose["services"]["web"], compose["services"]["worker"]
    for key in ("image", "build", "environment", "env_file", "volumes"):
        assert worker[key] == web[key], key
    assert "ports" not in worker, "workers scale out, so they must not bind a host port"


def test_web_and_workers_share_the_bucket_not_a_disk(compose):
    for name in ("web", "worker", "beat"):
        service = compose["services"][name]
        assert service["volumes"] == [], name
        environment = service["environment"]
        assert environment["AWS_STORAGE_BUCKET_NAME"] == "una-media"
        assert environment["AWS_S3_ENDPOINT_URL"] == "http://s3:8333"
        assert service["depends_on"]["s3"]["condition"] == "service_healthy"
    s3 = compose["services"]["s3"]
    assert "-bucket=una-media" in s3["command"]
    assert "s3:/data" in s3["volumes"]


@pytest.mark.parametrize("name", ["web", "worker", "beat", "redis", "postgres", "s3"])
def test_long_running_services_have_healthchecks(compose, name):
    assert compose["services"][name]["healthcheck"]["test"]


def test_redis_and_postgres_persist_data(compose):
    assert "--appendonly yes" in compose["services"]["redis"]["command"]
    assert "postgres:/var/lib/postgresql/data" in compose["services"]["postgres"]["volumes"]


def test_production_settings_are_selected(compose):
    env = compose["services"]["web"]["environment"]
    assert env["DJANGO_SETTINGS_MODULE"] == "cms.settings.production"
    assert env["REDIS_URL"].startswith("redis://redis:")
    assert env["DATABASE_URL"].startswith("postgres://")
