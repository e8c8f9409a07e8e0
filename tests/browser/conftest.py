"""Browser tests: Debian's Chromium drives the real server (gunicorn + Celery worker).

One server for the whole browser test package. It gets its own fresh PostgreSQL
database (dropped afterwards), its own MEDIA_ROOT and STATIC_ROOT, its own Redis
database (``BROWSER_REDIS_URL``, default db 4), the demo content and three
accounts (admin, editor, partner staff; see site_setup.py). pytest-django's test
database is not used: the tests talk to the server over HTTP only.

Every page a test opens is watched: a JavaScript error in the console, an
uncaught exception or a request to any host but 127.0.0.1 fails the test.
Screenshots and PDF page images go to ``$ARTIFACTS_DIR`` (default ``artifacts/``).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
import redis

from harness import (
    Database,
    HarnessError,
    Process,
    child_env,
    free_port,
    manage_command,
    run,
    stop_all,
    web_command,
    worker_command,
)

BASE_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ALLOWED_HOSTS = {"127.0.0.1"}
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/una"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/4"
ARTIFACTS_DIR = Path(os.environ.get("ARTIFACTS_DIR", BASE_DIR / "artifacts")).resolve()
SCREENSHOT_DIR = ARTIFACTS_DIR / "screenshots"
LOG_DIR = ARTIFACTS_DIR / "browser-logs"
PDF_PAGE_DIR = ARTIFACTS_DIR / "pdf-pages"
DOWNLOAD_DIR = ARTIFACTS_DIR / "downloads"
OUTPUT_DIRS = (SCREENSHOT_DIR, PDF_PAGE_DIR, DOWNLOAD_DIR, LOG_DIR)
SERVER_START_TIMEOUT = 60
WORKER_START_TIMEOUT = 60


def pytest_collection_modifyitems(config, items):
    """Every test below tests/browser/ carries the ``browser`` marker, even if a module forgot."""
    browser_dir = Path(__file__).parent
    for item in items:
        if browser_dir in Path(item.fspath).parents and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.browser)


# --------------------------------------------------------------------------- server


@dataclass
class SiteServer:
    """The running site: base URL, the environment its processes share, the demo pages."""

    url: str
    env: dict[str, str]
    media_root: Path
    accounts: dict[str, dict[str, str]] = field(default_factory=dict)
    pages: list[dict] = field(default_factory=list)
    processes: dict[str, Process] = field(default_factory=dict)

    def manage(self, *args: str, timeout: int = 300) -> str:
        """Run a management command against the server's database; returns stdout."""
        return run_step(["manage.py", *args], self.env, f"manage-{args[0]}", timeout=timeout)

    @contextlib.contextmanager
    def worker_paused(self) -> Iterator[None]:
        """Freeze the Celery worker (SIGSTOP), so a test can see a job before it runs."""
        worker = self.processes["celery"]
        worker.signal_group(signal.SIGSTOP)
        try:
            yield
        finally:
            worker.signal_group(signal.SIGCONT)

    def page_of_type(self, *types: str, public: bool | None = True) -> dict:
        """The first such page of the demo content; a test fails if load_demo made none."""
        pages = self.pages_of_type(*types, public=public)
        audience = {True: "public ", False: "restricted ", None: ""}[public]
        assert pages, f"The demo content has no {audience}page of type {' or '.join(types)}"
        return pages[0]

    def pages_of_type(self, *types: str, public: bool | None = True) -> list[dict]:
        """Pages whose type ("app.Model" or "Model") is one of ``types``."""
        wanted = set(types)
        return [
            p
            for p in self.pages
            if (p["type"] in wanted or p["type"].split(".")[1] in wanted)
            and (public is None or p["public"] == public)
        ]


def run_step(args: list[str], env: dict[str, str], name: str, timeout: int = 300) -> str:
    """Run ``python <args>`` in the project; fail the session with its log on error."""
    try:
        return run([sys.executable, *args], env, LOG_DIR / f"{name}.log", timeout)
    except HarnessError as error:
        pytest.fail(str(error))


def flush_redis(redis_url: str) -> None:
    """Start with an empty broker queue and cache: old messages name jobs of dropped DBs."""
    client = redis.Redis.from_url(redis_url)
    try:
        client.flushdb()
    finally:
        client.close()


def database_server() -> str:
    url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    if urlparse(url).scheme not in ("postgres", "postgresql", "pgsql"):
        pytest.fail(f"Browser tests need PostgreSQL in DATABASE_URL, got {urlparse(url).scheme!r}")
    return url


def start_site(server: SiteServer, database: Database, port: int) -> None:
    """Static files and the schema first; then the demo content is loaded while the web
    server and the worker boot (each Django start costs seconds on 2 cores)."""
    env, processes = server.env, server.processes

    def process(name: str, argv: list[str], stdout_pipe: bool = False) -> Process:
        processes[name] = Process(name, argv, env, LOG_DIR / f"{name}.log").start(stdout_pipe)
        return processes[name]

    collect = process("static", manage_command("collectstatic", "--noinput", "-v0"))
    database.migrate(env, LOG_DIR / "migrate.log")
    demo = process("site_setup", [sys.executable, "-m", "tests.browser.site_setup"], True)
    collect.wait_ready(lambda: not collect.alive(), 300)
    if collect.returncode:
        raise HarnessError(f"collectstatic failed ({collect.returncode}):\n{collect.tail()}")
    worker = process("celery", worker_command(f"browser-{port}@%h"))
    web = process("gunicorn", web_command(port, "--timeout", "120", "--access-logfile", "-"))
    description = json.loads(demo.communicate(300))
    server.accounts = description["accounts"]
    server.pages = description["pages"]
    (LOG_DIR / "pages.json").write_text(json.dumps(server.pages, indent=1, ensure_ascii=False))
    web.wait_for_http(f"{server.url}/", SERVER_START_TIMEOUT)
    worker.wait_for_log(r"browser-\d+@\S+ ready", WORKER_START_TIMEOUT)


@pytest.fixture(scope="package")
def site_server() -> Iterator[SiteServer]:
    """Migrate a fresh database, load the demo content, run gunicorn and a Celery worker.

    Package scope: one server for all browser tests, stopped as soon as they are done
    so the rest of the suite does not share the machine with it.
    """
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    for directory in OUTPUT_DIRS:  # only this run's pictures and logs
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
    with (
        Database(database_server(), prefix="una_browser") as database,
        tempfile.TemporaryDirectory(prefix="una-browser-") as tmp,
    ):
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        redis_url = os.environ.get("BROWSER_REDIS_URL", DEFAULT_REDIS_URL)
        flush_redis(redis_url)
        env = child_env(
            DJANGO_SETTINGS_MODULE="cms.settings.test",
            DATABASE_URL=database.url,
            REDIS_URL=redis_url,
            CELERY_BROKER_URL=redis_url,
            MEDIA_ROOT=Path(tmp) / "media",
            STATIC_ROOT=Path(tmp) / "static",
            WAGTAILADMIN_BASE_URL=url,
            WAGTAILAPI_BASE_URL=url,
            CONN_MAX_AGE=0,
            PYTHONDONTWRITEBYTECODE=1,
            BROWSER_ADMIN_USERNAME="browser-admin",
            BROWSER_ADMIN_PASSWORD=secrets.token_urlsafe(12),
            BROWSER_EDITOR_USERNAME="browser-redaktion",
            BROWSER_EDITOR_PASSWORD=secrets.token_urlsafe(12),
            BROWSER_PARTNER_USERNAME="browser-partner",
            BROWSER_PARTNER_PASSWORD=secrets.token_urlsafe(12),
        )
        server = SiteServer(url=url, env=env, media_root=Path(env["MEDIA_ROOT"]))
        try:
            start_site(server, database, port)
            yield server
        except HarnessError as error:
            pytest.fail(str(error))
        finally:
            stop_all(server.processes.values())


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="package")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="package")
def chromium(playwright_instance, site_server):
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class PageGuard:
    """What went wrong in the browser while a test ran.

    Chromium logs "Failed to load resource" for every HTTP error, including the page
    itself (a 404 page, a form answered with 400): those the tests judge by status.
    A failed image, stylesheet or script is a problem.
    """

    problems: list[str] = field(default_factory=list)
    failed_resources: list[tuple[str, str]] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)

    def on_console(self, message) -> None:
        if message.type != "error":
            return
        location = (message.location or {}).get("url", "")
        if message.text.startswith("Failed to load resource"):
            self.failed_resources.append((message.text, location))
        else:
            self.problems.append(f"console error: {message.text} ({location})")

    def on_page_error(self, error) -> None:
        self.problems.append(f"uncaught JavaScript error: {error}")

    def on_request(self, request) -> None:
        if request.is_navigation_request():
            self.documents.add(request.url.split("#")[0])

    def on_route(self, route) -> None:
        request_url = route.request.url
        parsed = urlparse(request_url)
        if parsed.scheme in ("http", "https", "ws", "wss") and parsed.hostname not in ALLOWED_HOSTS:
            self.problems.append(f"request to another host (blocked): {request_url}")
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def report(self) -> list[str]:
        """Everything that should fail the test."""
        failed = [
            f"console error: {text} ({url})"
            for text, url in self.failed_resources
            if url.split("#")[0] not in self.documents and urlparse(url).hostname in ALLOWED_HOSTS
        ]
        return [*self.problems, *failed]


def new_guarded_context(chromium, site_server, guard: PageGuard, **options):
    context = chromium.new_context(
        base_url=site_server.url, locale="de-DE", accept_downloads=True, **options
    )
    context.route("**/*", guard.on_route)
    context.on("page", lambda page: watch_page(page, guard))
    return context


def watch_page(page, guard: PageGuard) -> None:
    page.on("console", guard.on_console)
    page.on("pageerror", guard.on_page_error)
    page.on("request", guard.on_request)


@pytest.fixture
def page_guard() -> PageGuard:
    return PageGuard()


@pytest.fixture
def context(chromium, site_server, page_guard):
    """A desktop browser context (1280 x 800)."""
    context = new_guarded_context(
        chromium, site_server, page_guard, viewport={"width": 1280, "height": 800}
    )
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def browser_context(chromium, site_server, page_guard):
    """``browser_context(width=1280)`` opens a page in a context of its own (its own
    cookies): one per person of a journey that several people take part in."""
    contexts = []

    def open_page(width: int = 1280):
        context = new_guarded_context(
            chromium, site_server, page_guard, viewport={"width": width, "height": 800}
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def phone_context(chromium, site_server, page_guard):
    """A phone: 375 px wide viewport, touch, device pixel ratio 2."""
    context = new_guarded_context(
        chromium,
        site_server,
        page_guard,
        viewport={"width": 375, "height": 812},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    yield context
    context.close()


@pytest.fixture
def phone_page(phone_context):
    return phone_context.new_page()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail the test itself (not its teardown) when the browser saw a problem."""
    result = yield
    guard = item.funcargs.get("page_guard") if hasattr(item, "funcargs") else None
    if guard is not None and guard.report():
        problems = "\n  ".join(guard.report())
        pytest.fail(f"The browser reported problems:\n  {problems}", pytrace=False)
    return result


# --------------------------------------------------------------------------- artifacts


@pytest.fixture(scope="session")
def screenshot():
    """``screenshot(page, name)`` saves a full-page PNG to artifacts/screenshots/.

    ``full_page=False`` keeps to the viewport: what a reader sees first.
    """
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)

    def take(page, name: str, full_page: bool = True) -> Path:
        path = SCREENSHOT_DIR / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


@pytest.fixture(scope="session")
def download_dir() -> Path:
    """Downloaded PDFs are kept in artifacts/downloads/."""
    DOWNLOAD_DIR.mkdir(parents=True, exist_ok=True)
    return DOWNLOAD_DIR
