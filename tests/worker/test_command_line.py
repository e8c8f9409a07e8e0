"""One worker command line: the Procfile, docker-compose, the harness and bench agree.

worker/cli.py holds the options; everything else starts ``python -m worker`` (or a
tooling module that ends in the same entry point) and adds only its own options.
"""

import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from harness import beat_command, web_command, worker_command
from worker.cli import celery_argv

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def procfile() -> dict[str, list[str]]:
    lines = (BASE_DIR / "Procfile").read_text().splitlines()
    return {name: shlex.split(cmd) for name, cmd in (line.split(":", 1) for line in lines if line)}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text())


def test_python_m_worker_runs_celery_with_the_project_options():
    assert celery_argv([]) == ["-A", "cms", "worker", "--loglevel", "INFO", "--concurrency", "2"]
    assert celery_argv(["--concurrency", "1"])[-2:] == ["--concurrency", "1"]
    assert celery_argv(["beat", "--schedule", "/tmp/s"]) == [
        *("-A", "cms", "beat", "--loglevel", "INFO", "--schedule", "/tmp/s"),
    ]


def test_procfile_compose_and_harness_start_the_same_worker(procfile, compose):
    assert procfile["worker"] == ["python", "-m", "worker"]
    assert shlex.split(compose["services"]["worker"]["command"]) == procfile["worker"]
    assert worker_command("w@%h")[:3] == [sys.executable, "-m", "worker"]


def test_procfile_compose_and_harness_start_the_same_beat(procfile, compose):
    assert procfile["beat"] == ["python", "-m", "worker", "beat"]
    assert shlex.split(compose["services"]["beat"]["command"])[:4] == procfile["beat"]
    assert beat_command()[1:] == ["-m", "worker", "beat"]


def test_tooling_workers_end_in_the_same_entry_point():
    """The benchmarks' counting worker and the tests' slow worker wrap python -m worker."""
    for module in ("bench/celery_worker.py", "tests/documents/slow_worker.py"):
        assert "from worker.cli import main" in (BASE_DIR / module).read_text(), module
    bench_harness = (BASE_DIR / "bench" / "harness.py").read_text()
    assert "worker_command(" in bench_harness
    counting = worker_command("w@%h", module="bench.celery_worker")
    assert counting[3:] == worker_command("w@%h")[3:], "the same options, another wrapper"


def _dockerfile_cmd() -> list[str]:
    text = (BASE_DIR / "Dockerfile").read_text().replace("\\\n", " ")
    line = next(line for line in text.splitlines() if line.startswith("CMD "))
    return yaml.safe_load(line.removeprefix("CMD "))


def test_gunicorn_runs_without_the_shared_control_socket(procfile, compose):
    commands = {
        "Procfile": procfile["web"],
        "docker-compose.yml": shlex.split(compose["services"]["web"]["command"]),
        "Dockerfile": _dockerfile_cmd(),
        "harness": web_command(8000),
    }
    for where, argv in commands.items():
        assert "--no-control-socket" in argv, where


def test_installed_gunicorn_knows_the_option():
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--help"], capture_output=True, text=True, check=True
    )
    assert "--no-control-socket" in result.stdout
