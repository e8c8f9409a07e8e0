"""A private redis-server and real `celery -A cms worker` processes for integration tests.

The worker talks to pytest-django's test database and to a redis-server that
the tests start on a free port (never the shared one on 6379), so a test may
stop and restart Redis without disturbing anyone.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest
import redis
from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]


def versions(page) -> list[int]:
    from documents.models import PdfVersion

    return list(PdfVersion.objects.filter(page=page).values_list("version", flat=True))


def pdf_text(version) -> str:
    with version.file.open("rb") as handle:
        reader = pypdf.PdfReader(io.BytesIO(handle.read()))
    return " ".join(page.extract_text() for page in reader.pages)


def latest_job(page):
    from documents.models import RenderJob

    return RenderJob.objects.filter(page=page).order_by("-created_at", "-pk").first()


def wait_until_settled(page, workers, timeout: float = 120) -> None:
    """Every job of ``page`` is closed, the workers received as many render tasks as the
    page has jobs, and the live ones finished all of theirs: no late store is coming."""
    from documents.models import RenderJob

    def settled() -> bool:
        jobs = RenderJob.objects.filter(page=page)
        if jobs.filter(status__in=[RenderJob.Status.PENDING, RenderJob.Status.RUNNING]).exists():
            return False
        received = sum(worker.render_tasks()[0] for worker in workers)
        live = [worker.render_tasks() for worker in workers if worker.alive()]
        return received >= jobs.count() and all(rec == end for rec, end in live)

    wait_for(settled, timeout, 0.5, message="render jobs did not settle")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, timeout: float = 60, interval: float = 0.25, message: str = ""):
    """Poll until ``predicate()`` is truthy; fail the test with ``message`` otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    pytest.fail(message or f"timed out after {timeout}s")


class RedisServer:
    def __init__(self, workdir: Path):
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is required for the integration tests"
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        wait_for(lambda: self._ping(client), 20, message="redis-server did not start")

    @staticmethod
    def _ping(client) -> bool:
        try:
            return client.ping()
        except redis.ConnectionError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None


class WorkerProcess:
    """One `celery -A cms worker` in its own process group (so SIGKILL hits all of it)."""

    counter = 0

    def __init__(
        self, env: dict, logdir: Path, extra_env: dict | None = None, extra_args=()
    ) -> None:
        WorkerProcess.counter += 1
        self.name = f"doc{WorkerProcess.counter}"
        self.log = logdir / f"{self.name}.log"
        self.env = {**env, **(extra_env or {})}
        self.extra_args = list(extra_args)
        self.process: subprocess.Popen | None = None

    def start(self) -> WorkerProcess:
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "cms",
                    "worker",
                    "--loglevel",
                    "INFO",
                    "--concurrency",
                    "1",
                    "--pool",
                    "prefork",
                    "-n",
                    f"{self.name}@%h",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                    *self.extra_args,
                ],
                cwd=BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_for(self._ready, 90, 0.5, message=f"worker did not start:\n{self._tail()}")
        return self

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def _ready(self) -> bool:
        assert self.process.poll() is None, f"worker exited:\n{self._tail()}"
        return b"ready." in self.log.read_bytes()

    def _tail(self) -> str:
        return self.log.read_bytes()[-4000:].decode(errors="replace")

    def render_tasks(self) -> tuple[int, int]:
        """(received, ended) render tasks, counted from Celery's INFO log lines."""
        lines = [
            line
            for line in self.log.read_bytes().splitlines()
            if b"Task worker.render_pdf_job[" in line
        ]
        received = sum(b"] received" in line for line in lines)
        ended = sum(
            any(word in line for word in (b"] succeeded in ", b"] raised ", b"] retry:"))
            for line in lines
        )
        return received, ended

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and pool child): no cleanup at all."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture(scope="session")
def private_redis(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def worker_media(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("worker-media")


@pytest.fixture
def worker_env(private_redis, worker_media, settings, transactional_db) -> dict:
    """Environment of a worker process; also points this process at the same broker and media."""
    from cms.celery import app

    db = settings.DATABASES["default"]
    database_url = (
        f"postgres://{db.get('USER') or 'postgres'}:{db.get('PASSWORD') or ''}"
        f"@{db.get('HOST') or '127.0.0.1'}:"
        f"{db.get('PORT') or 5432}/{db['NAME']}"
    )
    settings.MEDIA_ROOT = worker_media
    _use_broker(app, private_redis.url)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.documents.worker_settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": private_redis.url,
        "CELERY_BROKER_URL": private_redis.url,
        "MEDIA_ROOT": str(worker_media),
        "CONN_MAX_AGE": "0",
    }
    yield env
    _use_broker(app, None)


def _use_broker(app, url: str | None) -> None:
    """Switch this process's Celery app to ``url`` (None: back to the settings)."""
    from kombu import pools

    with contextlib.suppress(Exception):  # a dead broker may refuse a clean close
        pools.reset()
    app.conf.broker_url = url or settings.CELERY_BROKER_URL
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def celery_worker_process(worker_env, tmp_path):
    """Start workers with ``start(*extra_args, **extra_env)``; all are stopped after the test."""
    workers: list[WorkerProcess] = []

    def start(*extra_args, **extra_env) -> WorkerProcess:
        env = {k: str(v) for k, v in extra_env.items()}
        worker = WorkerProcess(worker_env, tmp_path, env, extra_args)
        workers.append(worker.start())
        return worker

    yield start
    for worker in workers:
        worker.stop()
