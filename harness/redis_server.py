"""A private redis-server on a free port, never the shared one on 6379.

A test that stops Redis to see how the site copes stops only this one; nothing is
saved to disk, so each start is empty.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import redis

from harness.processes import HarnessError, Process, free_port, wait_for


class RedisServer:
    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.process: Process | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 20) -> RedisServer:
        binary = shutil.which("redis-server")
        if not binary:
            raise HarnessError("redis-server is required: apt-get install -y redis-server")
        argv = [binary, "--port", str(self.port), "--bind", "127.0.0.1"]
        argv += ["--save", "", "--appendonly", "no", "--dir", str(self.workdir)]
        log = self.workdir / f"redis-{self.port}.log"
        self.process = Process("redis-server", argv, {}, log).start()
        client = redis.Redis(port=self.port)
        try:
            wait_for(lambda: self._ping(client), timeout, 0.1, "redis-server", [self.process])
        finally:
            client.close()
        return self

    @staticmethod
    def _ping(client: redis.Redis) -> bool:
        try:
            return bool(client.ping())
        except redis.ConnectionError:
            return False

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop(10)
        self.process = None
