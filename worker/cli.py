"""The project's one Celery command line: ``python -m worker`` and ``python -m worker beat``.

The Procfile, docker-compose.yml, the process harness of the tests and the
benchmarks all start workers through here, so their options cannot drift apart.
Options given after these defaults win (Celery keeps the last value), which is
how the tests run one process per worker and the benchmarks log less.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from celery.__main__ import main as celery_main

APP = "cms"
WORKER_OPTIONS = ("--loglevel", "INFO", "--concurrency", "2")
BEAT_OPTIONS = ("--loglevel", "INFO")


def celery_argv(args: Sequence[str]) -> list[str]:
    """Celery's arguments for ``python -m worker [beat] [option ...]``."""
    args = list(args)
    if args[:1] == ["beat"]:
        return ["-A", APP, "beat", *BEAT_OPTIONS, *args[1:]]
    if args[:1] == ["worker"]:
        args = args[1:]
    return ["-A", APP, "worker", *WORKER_OPTIONS, *args]


def main(args: Sequence[str] | None = None) -> None:
    """Run Celery as ``celery <celery_argv>``; exits with Celery's status."""
    sys.argv = ["celery", *celery_argv(sys.argv[1:] if args is None else args)]
    celery_main()
