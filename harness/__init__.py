"""The process harness of the integration tests, the browser tests and the benchmarks.

One way to start what the site runs on, for tooling only (production code never
imports it; the import contract checks that): a free port, a fresh PostgreSQL
database (created, migrated, cloned from a template, dropped), a private
redis-server, an SMTP server, gunicorn and Celery worker processes with their logs and a
readiness poll, and the environment those children get.
"""

from harness.commands import beat_command, manage_command, web_command, worker_command
from harness.database import Database
from harness.env import child_env, database_url
from harness.processes import (
    HarnessError,
    Process,
    free_port,
    http_responds,
    log_tail,
    run,
    stop_all,
    wait_for,
)
from harness.redis_server import RedisServer
from harness.s3_server import S3Server
from harness.smtp_server import SmtpServer

__all__ = [
    "Database",
    "HarnessError",
    "Process",
    "RedisServer",
    "S3Server",
    "SmtpServer",
    "beat_command",
    "child_env",
    "database_url",
    "free_port",
    "http_responds",
    "log_tail",
    "manage_command",
    "run",
    "stop_all",
    "wait_for",
    "web_command",
    "worker_command",
]
