"""Command lines of the processes the harness starts, the same as in production.

Workers and beat run ``python -m worker`` (worker/cli.py), the command line of
the Procfile and docker-compose.yml; a test or benchmark may name another module
that wraps the same entry point (a slow renderer, counters). gunicorn runs
without its control socket, whose default path is shared by every instance on
the host.
"""

from __future__ import annotations

import sys

PYTHON = sys.executable
WORKER_MODULE = "worker"
# One process per worker (a test counts and kills workers); no cluster chatter on one host.
WORKER_OPTIONS = ("--concurrency", "1", "--without-gossip", "--without-mingle")
GUNICORN_OPTIONS = ("--no-control-socket",)


def worker_command(hostname: str, *extra: str, module: str = WORKER_MODULE) -> list[str]:
    """A Celery worker named ``hostname`` (``name@host``), one pool process."""
    return [PYTHON, "-m", module, *WORKER_OPTIONS, "--hostname", hostname, *extra]


def beat_command(*extra: str) -> list[str]:
    """Celery beat with the project's schedule (worker/schedule.py)."""
    return [PYTHON, "-m", WORKER_MODULE, "beat", *extra]


def web_command(port: int, *extra: str, workers: int = 2) -> list[str]:
    """gunicorn serving ``cms.wsgi`` on 127.0.0.1:``port``."""
    bind = f"127.0.0.1:{port}"
    return [
        *(PYTHON, "-m", "gunicorn", "cms.wsgi", "--bind", bind, "--workers", str(workers)),
        *GUNICORN_OPTIONS,
        *extra,
    ]


def manage_command(*args: str) -> list[str]:
    """``python manage.py <args>`` in the project directory."""
    return [PYTHON, "manage.py", *args]
