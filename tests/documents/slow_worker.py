"""``python -m tests.documents.slow_worker``: the project's worker with slow renders.

Reliability tests must kill a worker, unpublish a page or let a lease expire while
a render runs. This entry point waits SLOW_RENDER_SECONDS inside the render lease
before each render, then starts exactly the worker of the Procfile
(worker/cli.py). Production code knows nothing of it.
"""

from __future__ import annotations

import os
import time
from functools import wraps

import django

django.setup()

from documents import pipeline  # noqa: E402 (the app registry must be ready first)
from worker.cli import main  # noqa: E402

DELAY = float(os.environ.get("SLOW_RENDER_SECONDS", "0"))
_build_print_html = pipeline.build_print_html


@wraps(_build_print_html)
def slow_build_print_html(*args, **kwargs):
    time.sleep(DELAY)
    return _build_print_html(*args, **kwargs)


pipeline.build_print_html = slow_build_print_html

if __name__ == "__main__":
    main()
