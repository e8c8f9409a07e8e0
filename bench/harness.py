"""Real processes for the benchmarks, all on 127.0.0.1, always torn down.

One :class:`Stack` per run: a fresh database (PostgreSQL unless DATABASE_URL
names SQLite), migrated and loaded with ``load_demo --synthetic N``; a Redis
database that the run owns and empties; gunicorn serving ``cms.wsgi`` twice
(page cache on and off); Celery worker processes started and stopped on
demand; a temporary MEDIA_ROOT and STATIC_ROOT. The benchmark process itself
runs Django with the same settings, so it publishes and saves exactly as an
editor's request would, and the workers receive the jobs over Redis.
Ports, the database, child processes and their command lines come from harness/.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import secrets
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from harness import (
    Database,
    HarnessError,
    Process,
    S3Server,
    child_env,
    free_port,
    http_responds,
    manage_command,
    run,
    web_command,
    worker_command,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/8"
TEMPLATE_MEDIA = ROOT / "var" / "bench"
EVENTS_KEY = "bench:events"
RENDERS_KEY = "bench:renders"
READY_KEY = "bench:ready"
RSS_KEY = "bench:rss"
RENDER_MS_KEY = "bench:render_ms"
TEMPLATE_PREFIX = "una_bench_tpl_"
# Everything that decides what a migrated database with the demo content contains.
TEMPLATE_SOURCES = (
    "cms",
    "home",
    "partners",
    "accounts",
    "documents",
    "worker",
    "demo",
    "security",
)
WORKER_MODULE = "bench.celery_worker"


class BenchError(HarnessError):
    """A benchmark could not run (service missing, process died, timeout)."""


def log(message: str) -> None:
    """Progress goes to stderr; stdout carries only the JSON figures."""
    stamp = time.strftime("%H:%M:%S", time.gmtime())
    print(f"[bench {stamp}Z] {message}", file=sys.stderr, flush=True)


def template_key(synthetic: int) -> str:
    """Hash of the code and lock file that produce the demo database."""
    digest = hashlib.sha256(f"synthetic={synthetic}".encode())
    files = [ROOT / "uv.lock"]
    for folder in TEMPLATE_SOURCES:
        files += sorted(
            path
            for path in (ROOT / folder).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        )
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _exit_on_signal(signum, frame) -> None:
    raise SystemExit(128 + signum)


@dataclass(frozen=True)
class Sizes:
    """How much work each figure does; ``small`` only proves the code still runs."""

    name: str
    synthetic: int
    overhead_runs: int
    scaling_handouts: int
    dedupe_pages: int
    dedupe_k: int
    download_requests: int
    render_runs: int
    serving_seconds: int
    memory_early: int
    memory_renders: int
    mass_handouts: int
    workers: int = 2

    @classmethod
    def named(cls, name: str) -> Sizes:
        if name == "small":
            return cls("small", 2, 2, 4, 4, 2, 5, 1, 1, 2, 4, 4)
        if name == "full":
            return cls("full", 20, 12, 60, 50, 10, 200, 10, 10, 10, 300, 300)
        raise BenchError(f"unknown size {name!r} (full or small)")


@dataclass
class Stack:
    """Everything a figure needs; use as a context manager."""

    sizes: Sizes
    storage: str = "files"  # or "s3": media in a SeaweedFS bucket of this run
    tmp: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="una-bench-")))
    services: list[Process] = field(default_factory=list)
    workers: list[Process] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    base_url: str = ""
    uncached_url: str = ""
    memo: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        database_url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL")
        self.database = Database(database_url, prefix="una_bench")
        self.redis_url = os.environ.get("BENCH_REDIS_URL") or DEFAULT_REDIS_URL
        self.s3: S3Server | None = None
        self._closed = False

    # -- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> Stack:
        atexit.register(self.close)
        signal.signal(signal.SIGTERM, _exit_on_signal)
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _start(self) -> None:
        self._check_redis()
        self.redis.flushdb()
        port = free_port()
        self.env = child_env(
            drop=("CELERY_BROKER_URL", "CACHE_URL", "PAGE_CACHE_ENABLED"),
            DJANGO_SETTINGS_MODULE=self.settings_module,
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="False",
            SECURE_HSTS_SECONDS="0",
            # Production settings require a mail server; no benchmark sends mail.
            EMAIL_URL="smtp://127.0.0.1:25",
            DATABASE_URL=self.database.url,
            REDIS_URL=self.redis_url,
            MEDIA_ROOT=self.tmp / "media",
            STATIC_ROOT=self.tmp / "static",
            WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
            ENV_FILE=os.devnull,
            LOG_LEVEL=os.environ.get("BENCH_LOG_LEVEL", "WARNING"),
            PYTHONUNBUFFERED="1",
        )
        (self.tmp / "media").mkdir()
        if self.storage == "s3":
            self.s3 = S3Server(self.tmp).start()
            self.env.update(self.s3.env())
        log(f"database {self.database.url}, redis {self.redis_url}, files in {self.tmp}")
        collect = None
        if self.settings_module.endswith("production"):
            # The manifest storage needs collected files; runs while the schema migrates.
            collect = self.spawn("collectstatic", manage_command("collectstatic", "--noinput"))
        cloned = self._database_with_demo_content()
        if self.s3 is not None and cloned:
            log(f"{self.s3.upload_folder(self.tmp / 'media')} media files put into the bucket")
        if collect is not None:
            self.wait_for(lambda: not collect.alive(), 600, "collectstatic")
            if collect.returncode:
                raise BenchError(f"collectstatic failed:\n{collect.tail()}")
        os.environ.update(self.env)
        import django

        django.setup()
        if cloned:
            self._resend_pending_jobs()
        web = self._gunicorn("web", port, cached=True)
        uncached = self._gunicorn("web-uncached", free_port(), cached=False)
        self.base_url, self.uncached_url = self._ready(web), self._ready(uncached)

    def _database_with_demo_content(self) -> bool:
        """Clone the template if the code is unchanged, else migrate and load. True if cloned."""
        template = self.template_name(template_key(self.sizes.synthetic))
        media = self.tmp / "media"
        if template and self._clone(template, media):
            log(f"database cloned from {template} (migrated, demo content loaded)")
            return True
        self.database.create()
        self.manage("migrate", "--noinput")
        self.manage("load_demo", "--synthetic", str(self.sizes.synthetic))
        if template and self.s3 is None:  # with a bucket the media are not in the folder
            self._save_template(template, media)
        return False

    # A migrated database with the demo content is kept as a PostgreSQL template, keyed by
    # the code that made it; the next run with the same code clones it in about a second
    # instead of migrating and loading for a minute. BENCH_NO_TEMPLATE=1 switches it off.

    def template_name(self, key: str) -> str | None:
        if not self.database.is_postgres or os.environ.get("BENCH_NO_TEMPLATE"):
            return None
        return f"{TEMPLATE_PREFIX}{key}"

    def _clone(self, template: str, media: Path) -> bool:
        """Create this run's database as a copy of ``template``; False if there is none."""
        snapshot = TEMPLATE_MEDIA / template
        if not snapshot.is_dir() or not self.database.clone(template):
            return False
        shutil.copytree(snapshot, media, dirs_exist_ok=True)
        return True

    def _save_template(self, template: str, media: Path) -> None:
        """Keep this freshly loaded database (and its media files) for the next runs."""
        snapshot = TEMPLATE_MEDIA / template
        shutil.rmtree(snapshot, ignore_errors=True)
        shutil.copytree(media, snapshot)
        self.database.save_as_template(template, TEMPLATE_PREFIX)
        for stale in TEMPLATE_MEDIA.iterdir():
            if stale.name != template:
                shutil.rmtree(stale, ignore_errors=True)

    def _resend_pending_jobs(self) -> None:
        """The template's demo renders were sent to a broker of an earlier run: send again."""
        from documents.models import RenderJob
        from documents.pipeline import send_job

        pending = RenderJob.objects.filter(status=RenderJob.Status.PENDING)
        for job_id in pending.values_list("pk", flat=True):
            send_job(job_id)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        started = time.perf_counter()
        for service in self.services:
            service.terminate()
        for service in self.services:
            service.reap(30)  # then SIGKILL to the process group
        log(f"services stopped in {time.perf_counter() - started:.1f} s")
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        self.database.drop()
        if self.s3 is not None:
            self.s3.stop()
        with contextlib.suppress(Exception):
            self.redis.flushdb()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- services --------------------------------------------------------------------------

    @property
    def redis(self):
        if "redis" not in self.memo:
            import redis

            self.memo["redis"] = redis.Redis.from_url(self.redis_url)
        return self.memo["redis"]

    def _check_redis(self) -> None:
        import redis

        try:
            self.redis.ping()
        except redis.RedisError as exc:
            raise BenchError(f"Redis not reachable at {self.redis_url}: {exc}") from exc

    def manage(self, *args: str) -> None:
        """Run a management command in a child process with the run's settings."""
        started = time.perf_counter()
        run(manage_command(*args), self.env, self.tmp / f"manage-{args[0]}.log")
        log(f"manage.py {' '.join(args)}: {time.perf_counter() - started:.1f} s")

    def spawn(self, name: str, argv: list[str], env: dict[str, str] | None = None) -> Process:
        """Start a service in its own process group; stopped by :meth:`close`."""
        service = Process(name, argv, env or self.env, self.tmp / f"{name}.log").start()
        self.services.append(service)
        return service

    @property
    def settings_module(self) -> str:
        """Production settings; the smoke test's tiny run uses the test settings.

        Production's manifest storage needs ``collectstatic`` (about 100 s on 2 cores,
        mostly compression), which would dominate a run that only proves the code runs.
        """
        default = "cms.settings.test" if self.sizes.name == "small" else "cms.settings.production"
        return os.environ.get("BENCH_SETTINGS", default)

    def _gunicorn(self, name: str, port: int, cached: bool) -> tuple[str, Process]:
        env = {**self.env, "PAGE_CACHE_ENABLED": "True" if cached else "False"}
        workers = (os.cpu_count() or 2) + 1
        # --preload: one import in the master, forked into the workers; boots in a few seconds
        # on 2 cores, request handling is the same as without it.
        argv = web_command(port, "--backlog", "256", "--preload", workers=workers)
        return f"http://127.0.0.1:{port}", self.spawn(name, argv, env)

    def _ready(self, started: tuple[str, Process]) -> str:
        url, service = started
        self.wait_for(lambda: http_responds(url + "/health/web/"), 90, f"{service.name}", service)
        log(f"{service.name}: gunicorn on {url}")
        return url

    def start_workers(self, count: int) -> None:
        """Exactly ``count`` Celery worker processes, each ``--concurrency 1``, all ready."""
        self.stop_workers()
        self.redis.delete(READY_KEY)
        for number in range(1, count + 1):
            name = f"worker{number}-{secrets.token_hex(2)}"
            argv = worker_command(
                f"{name}@127.0.0.1",
                *("--loglevel", "WARNING"),
                # Extra worker options for experiments, e.g. "--prefetch-multiplier 4".
                *os.environ.get("BENCH_CELERY_ARGS", "").split(),
                module=WORKER_MODULE,
            )
            self.workers.append(self.spawn(name, argv))
        self.wait_for(
            lambda: self.redis.scard(READY_KEY) >= count, 90, f"{count} worker(s)", *self.workers
        )
        log(f"{count} Celery worker process(es) ready")

    def stop_workers(self) -> None:
        for worker in self.workers:
            worker.terminate()
        for worker in self.workers:
            worker.reap(120)
            self.services.remove(worker)
        self.workers = []

    def wait_for(
        self, condition: Callable[[], bool], timeout: float, what: str, *watch: Process
    ) -> None:
        """Poll ``condition``; wake early on worker events; fail if a watched process dies."""
        deadline = time.monotonic() + timeout
        while not condition():
            for service in watch:
                if not service.alive():
                    raise BenchError(
                        f"{service.name} exited while waiting for {what}:\n{service.tail(30)}"
                    )
            if time.monotonic() > deadline:
                tails = "\n".join(f"--- {s.name}\n{s.tail(30)}" for s in watch)
                raise BenchError(f"timed out after {timeout:.0f} s waiting for {what}\n{tails}")
            self.redis.blpop([EVENTS_KEY], timeout=0.05)

    def renders_started(self) -> int:
        """WeasyPrint renders started in all worker processes since the run began."""
        return int(self.redis.get(RENDERS_KEY) or 0)
