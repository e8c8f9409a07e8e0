"""The environment of child processes: this one's, with the run's own services named.

A child must never fall back to a developer's .env or a shared cache, so the
variables that would point it elsewhere are dropped unless the run sets them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

# Variables a child would otherwise inherit from the developer's shell (a real mail server
# among them: a worker a test starts mails only through the SMTP server the test names).
INHERITED_SERVICES = ("CELERY_BROKER_URL", "CACHE_URL", "EMAIL_URL")


def child_env(
    base: Mapping[str, str] | None = None,
    drop: Iterable[str] = INHERITED_SERVICES,
    **values: object,
) -> dict[str, str]:
    """``base`` (default: os.environ) without ``drop``, plus ``values`` as strings."""
    env = dict(os.environ if base is None else base)
    for name in drop:
        env.pop(name, None)
    env.update({name: str(value) for name, value in values.items()})
    return env


def database_url(database: Mapping[str, object]) -> str:
    """The DATABASE_URL of one entry of Django's DATABASES (PostgreSQL)."""
    user = database.get("USER") or "postgres"
    password = database.get("PASSWORD") or ""
    host = database.get("HOST") or "127.0.0.1"
    port = database.get("PORT") or 5432
    return f"postgres://{user}:{password}@{host}:{port}/{database['NAME']}"
