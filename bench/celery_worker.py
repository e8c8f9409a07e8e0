"""``python -m worker`` with counters: the real worker, plus what the benchmarks must observe.

Runs the project's worker command line (worker/cli.py) unchanged. Before that it wraps WeasyPrint's
``HTML.render`` (every PDF render passes through it, also ``HTML.write_pdf``)
to count renders started in Redis, and after each task it records the pool
process's resident memory and wakes the benchmark process. Nothing else in
the worker changes, so the timings are those of the production code path.
"""

from __future__ import annotations

import os
import time

import weasyprint
from celery.signals import task_postrun, worker_ready

from bench.harness import EVENTS_KEY, READY_KEY, RENDER_MS_KEY, RENDERS_KEY, RSS_KEY
from worker.cli import main

_state = {"client": None, "renders": 0}


def _redis():
    """One client per process (the pool forks after this module is imported)."""
    client = _state["client"]
    if client is None or _state.get("pid") != os.getpid():
        import redis

        client = redis.Redis.from_url(os.environ["REDIS_URL"])
        _state.update(client=client, pid=os.getpid(), renders=0)
    return client


def _rss_kib() -> int:
    with open(f"/proc/{os.getpid()}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


_original_render = weasyprint.HTML.render


_original_write_pdf = weasyprint.Document.write_pdf


def _counted_render(self, *args, **kwargs):
    client = _redis()
    client.incr(RENDERS_KEY)
    _state["renders"] += 1
    _state["render_started"] = time.perf_counter()
    return _original_render(self, *args, **kwargs)


def _timed_write_pdf(self, *args, **kwargs):
    """WeasyPrint's own time in the worker: layout (render) plus writing the PDF."""
    result = _original_write_pdf(self, *args, **kwargs)
    started = _state.pop("render_started", None)
    if started is not None:
        _redis().rpush(RENDER_MS_KEY, f"{(time.perf_counter() - started) * 1000:.1f}")
    return result


weasyprint.HTML.render = _counted_render
weasyprint.Document.write_pdf = _timed_write_pdf


@task_postrun.connect
def _after_task(**kwargs) -> None:
    client = _redis()
    client.rpush(RSS_KEY, f"{os.getpid()} {_state['renders']} {_rss_kib()}")
    client.rpush(EVENTS_KEY, "task")


@worker_ready.connect
def _ready(sender=None, **kwargs) -> None:
    client = _redis()
    client.sadd(READY_KEY, getattr(sender, "hostname", str(os.getpid())))
    client.rpush(EVENTS_KEY, "ready")


if __name__ == "__main__":
    main()
