"""How big one render may get: print HTML size before WeasyPrint, memory while it runs.

WeasyPrint's cost grows faster than the input (a 20,000-row table took
minutes and gigabytes), and a worker child that runs out of memory takes the
host's other processes with it. Three limits, from cheap to last resort:

1. :func:`check_html_size`: print HTML above ``DOCUMENTS_MAX_PRINT_HTML_BYTES``
   is refused before layout starts.
2. :func:`memory_guard`: while WeasyPrint runs, a watcher thread reads the
   process's resident memory every 50 ms; above
   ``DOCUMENTS_RENDER_MEMORY_LIMIT_MB`` it interrupts the render, which fails
   with :class:`PrintTooLarge`.
3. :func:`limit_address_space`: each Celery worker child gets an address-space
   limit (``RLIMIT_AS``) of that value plus 1 GiB (shared libraries, fonts and
   reserved heap are mapped without being resident: a worker child maps about
   250 MiB more than it holds). Where it bites, an allocation fails; GLib
   (Pango) aborts the child on a failed allocation instead of raising, so this
   is only the backstop that keeps one render from exhausting the host, while
   the guard above gives the editor a reason.

A render refused or stopped by a limit stores nothing, so the previous PDF
version stays the one that is served.
"""

from __future__ import annotations

import _thread
import logging
import os
import resource
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings

logger = logging.getLogger(__name__)
MIB = 1024 * 1024
POLL_SECONDS = 0.05
ADDRESS_SPACE_HEADROOM_MB = 1024
_INTERRUPT = signal.SIGUSR2
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
ADVICE = (
    "Bitte kürzen Sie lange Tabellen oder verteilen Sie den Inhalt auf mehrere Seiten. "
    "Die bisherige PDF-Version bleibt abrufbar."
)


class PrintTooLarge(ValueError):
    """A render refused or stopped because of its size; the message is for editors (German)."""


def _kib(size: int) -> str:
    return f"{-(-size // 1024):,}".replace(",", ".")


def check_html_size(html: str) -> None:
    """Refuse print HTML above ``DOCUMENTS_MAX_PRINT_HTML_BYTES`` (0: no limit)."""
    limit = settings.DOCUMENTS_MAX_PRINT_HTML_BYTES
    size = len(html.encode())
    if limit and size > limit:
        raise PrintTooLarge(
            f"Das Dokument ist zu groß für den PDF-Druck ({_kib(size)} KB, erlaubt "
            f"{_kib(limit)} KB). {ADVICE}"
        )


def memory_exceeded(limit_mb: int | None = None) -> PrintTooLarge:
    """The error for a render that needed more memory than ``DOCUMENTS_RENDER_MEMORY_LIMIT_MB``."""
    limit_mb = limit_mb or settings.DOCUMENTS_RENDER_MEMORY_LIMIT_MB
    return PrintTooLarge(
        f"Das Dokument braucht für den PDF-Druck mehr Arbeitsspeicher als erlaubt "
        f"({limit_mb} MB). {ADVICE}"
    )


def resident_mib() -> float | None:
    """This process's resident memory in MiB (Linux ``/proc``), None where unknown."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE_SIZE / MIB
    except (OSError, ValueError, IndexError):
        return None


def _watch(limit_mb: int, stop: threading.Event, exceeded: threading.Event) -> None:
    """Interrupt the main thread while memory stays above the limit.

    It keeps interrupting (every poll) because a single interruption could land
    in one of WeasyPrint's ``except Exception`` blocks and be swallowed.
    """
    while not stop.wait(POLL_SECONDS):
        rss = resident_mib()
        if rss is not None and rss > limit_mb:
            exceeded.set()
            _thread.interrupt_main(_INTERRUPT)


def _on_stack(frame, wanted) -> bool:
    while frame is not None:
        if frame is wanted:
            return True
        frame = frame.f_back
    return False


@contextmanager
def memory_guard() -> Iterator[None]:
    """Raise :class:`PrintTooLarge` in the block once resident memory passes the limit.

    Works in the main thread (Celery's prefork children, ``render_pdfs --sync``);
    elsewhere, or with ``DOCUMENTS_RENDER_MEMORY_LIMIT_MB = 0``, it does nothing.
    The interruption never fires inside this function itself, so the watcher
    is always stopped and the previous signal handler always restored.
    """
    limit_mb = settings.DOCUMENTS_RENDER_MEMORY_LIMIT_MB
    if not limit_mb or threading.current_thread() is not threading.main_thread():
        yield
        return
    guard_frame = sys._getframe()
    stop, exceeded = threading.Event(), threading.Event()

    def interrupt(signum, frame):
        if exceeded.is_set() and not _on_stack(frame, guard_frame):
            raise memory_exceeded(limit_mb)

    previous = signal.signal(_INTERRUPT, interrupt)
    watcher = threading.Thread(
        target=_watch, args=(limit_mb, stop, exceeded), name="render-memory", daemon=True
    )
    watcher.start()
    try:
        yield
    finally:
        stop.set()
        watcher.join()
        signal.signal(_INTERRUPT, previous)


def limit_address_space(**kwargs) -> None:
    """``worker_process_init`` handler: cap the child's address space (``RLIMIT_AS``)."""
    limit_mb = settings.DOCUMENTS_RENDER_MEMORY_LIMIT_MB
    if not limit_mb:
        return
    limit = (limit_mb + ADDRESS_SPACE_HEADROOM_MB) * MIB
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    logger.info("Worker child %s: address space limited to %d MiB", os.getpid(), limit // MIB)
