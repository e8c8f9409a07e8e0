"""Child processes started and stopped one way: own process group, log file, readiness poll.

Every child runs in a session of its own, so a test can freeze (SIGSTOP) or kill
(SIGKILL) a Celery worker together with its pool children, and a stop never hits
the process that started it. The output goes to one log file per process; its
tail is what a failure shows.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


class HarnessError(RuntimeError):
    """A service could not start, died or did not answer in time."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def log_tail(path: Path, lines: int = 40) -> str:
    """The last ``lines`` lines of a log file ('' if there is none yet)."""
    with contextlib.suppress(OSError):
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    return ""


def wait_for(
    predicate: Callable[[], T],
    timeout: float = 60,
    interval: float = 0.25,
    message: str = "",
    watch: Iterable[Process] = (),
) -> T:
    """Poll until ``predicate()`` is truthy and return it; raise if a watched process dies."""
    deadline = time.monotonic() + timeout
    watched = list(watch)
    while True:
        result = predicate()
        if result:
            return result
        for process in watched:
            if not process.alive():
                raise HarnessError(
                    f"{process.name} exited ({process.returncode}) while waiting for "
                    f"{message or 'a condition'}:\n{process.tail()}"
                )
        if time.monotonic() > deadline:
            tails = "".join(f"\n--- {p.name}\n{p.tail()}" for p in watched)
            raise HarnessError(f"{message or 'condition'}: timed out after {timeout:.0f} s{tails}")
        time.sleep(interval)


def http_responds(url: str, timeout: float = 2) -> bool:
    """True once a server answers ``url`` with any status below 500."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status < 500
    except urllib.error.HTTPError as error:
        return error.code < 500
    except OSError:
        return False


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM it when the starting process dies (Linux)."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def run(argv: list[str], env: dict[str, str], log: Path, timeout: float = 600) -> str:
    """Run a command to its end in the project directory; its stdout, or HarnessError."""
    started = time.monotonic()
    result = subprocess.run(
        argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    log.write_text(
        f"$ {' '.join(argv)}  ({time.monotonic() - started:.1f}s)\n"
        f"{result.stdout}\n--- stderr ---\n{result.stderr}"
    )
    if result.returncode:
        raise HarnessError(f"`{' '.join(argv)}` failed ({result.returncode}):\n{log_tail(log)}")
    return result.stdout


class Process:
    """One child process in its own session, with its output in ``log``."""

    def __init__(self, name: str, argv: list[str], env: dict[str, str], log: Path) -> None:
        self.name = name
        self.argv = argv
        self.env = env
        self.log = log
        self.popen: subprocess.Popen | None = None

    def start(self, stdout_pipe: bool = False) -> Process:
        """Start it; with ``stdout_pipe`` stdout is kept for :meth:`communicate`."""
        with self.log.open("ab") as out:
            self.popen = subprocess.Popen(
                self.argv,
                cwd=ROOT,
                env=self.env,
                stdout=subprocess.PIPE if stdout_pipe else out,
                stderr=out if stdout_pipe else subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        return self

    @property
    def pid(self) -> int:
        assert self.popen is not None, f"{self.name} was not started"
        return self.popen.pid

    @property
    def returncode(self) -> int | None:
        return self.popen.poll() if self.popen else None

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def tail(self, lines: int = 40) -> str:
        return log_tail(self.log, lines)

    def log_bytes(self) -> bytes:
        with contextlib.suppress(OSError):
            return self.log.read_bytes()
        return b""

    def wait_ready(self, predicate: Callable[[], object], timeout: float = 90) -> Process:
        """Poll ``predicate`` until it holds; fail with the log tail if this process exits."""
        wait_for(predicate, timeout, 0.25, f"{self.name} to become ready", watch=[self])
        return self

    def wait_for_log(self, pattern: str | bytes, timeout: float = 90) -> Process:
        """Ready once the log matches ``pattern`` (e.g. Celery's "ready." line)."""
        regex = re.compile(pattern.encode() if isinstance(pattern, str) else pattern)
        return self.wait_ready(lambda: regex.search(self.log_bytes()), timeout)

    def wait_for_http(self, url: str, timeout: float = 90) -> Process:
        """Ready once ``url`` answers below 500 (gunicorn booted its workers)."""
        return self.wait_ready(lambda: http_responds(url), timeout)

    def communicate(self, timeout: float = 600) -> str:
        """Wait for a short-lived process started with ``stdout_pipe``; its stdout."""
        assert self.popen is not None
        try:
            out, _ = self.popen.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            message = f"{self.name} took longer than {timeout:.0f} s:\n{self.tail()}"
            raise HarnessError(message) from None
        if self.popen.returncode:
            raise HarnessError(f"{self.name} failed ({self.popen.returncode}):\n{self.tail()}")
        return out.decode() if out else ""

    def signal_group(self, signum: int) -> None:
        """Send ``signum`` to the whole process group (main process and pool children)."""
        if self.popen is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.popen.pid, signum)

    def terminate(self, group: bool = False) -> None:
        """SIGTERM: gunicorn finishes its requests, Celery its current task (warm shutdown)."""
        if not self.alive():
            return
        if group:
            self.signal_group(signal.SIGTERM)
        else:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)

    def reap(self, timeout: float) -> None:
        """Wait up to ``timeout`` for the exit, then SIGKILL the group (also left-over children)."""
        if self.popen is None:
            return
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout)
        self.signal_group(signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(5)

    def stop(self, timeout: float = 20, group: bool = False) -> None:
        self.terminate(group)
        self.reap(timeout)

    def kill(self) -> None:
        """SIGKILL the whole group at once: no cleanup at all, as a crash would leave it."""
        if self.alive():
            self.signal_group(signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(10)


def stop_all(processes: Iterable[Process], timeout: float = 20) -> None:
    """SIGTERM all at once (they shut down in parallel), then reap and SIGKILL stragglers."""
    processes = list(processes)
    for process in processes:
        process.terminate()
    deadline = time.monotonic() + timeout
    for process in processes:
        process.reap(max(0.1, deadline - time.monotonic()))
