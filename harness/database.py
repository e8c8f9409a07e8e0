"""A database that exists for one test session or benchmark run, on the shared server.

PostgreSQL: a database with a random name is created next to the one DATABASE_URL
names, optionally as a copy of a template database (a migrated database with
content, cloned in about a second), and dropped WITH (FORCE) at the end, so
connections a killed process left behind cannot keep it alive. SQLite (for a
DATABASE_URL that names it): a temporary file.
"""

from __future__ import annotations

import contextlib
import secrets
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

from harness.commands import manage_command
from harness.processes import HarnessError, run

DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres"
POSTGRES_SCHEMES = ("postgres", "postgresql", "pgsql")


class Database:
    """A fresh database named ``<prefix>_<random>`` on the server of ``url``."""

    def __init__(self, url: str | None, prefix: str = "una_test") -> None:
        url = url or ""
        self.name = f"{prefix}_{secrets.token_hex(4)}"
        self.sqlite_path: Path | None = None
        self.server_url = ""
        if url.startswith("sqlite"):
            self.sqlite_path = Path(tempfile.gettempdir()) / f"{self.name}.sqlite3"
            self.url = f"sqlite:///{self.sqlite_path}"
            return
        parts = urlsplit(url if urlsplit(url).scheme in POSTGRES_SCHEMES else DEFAULT_SERVER_URL)
        self.server_url = urlunsplit(parts._replace(path="/postgres"))
        self.url = urlunsplit(parts._replace(path=f"/{self.name}"))

    @property
    def is_postgres(self) -> bool:
        return self.sqlite_path is None

    def _execute(self, statement: sql.Composable, params: tuple = ()) -> list[tuple]:
        try:
            with psycopg.connect(self.server_url, autocommit=True, connect_timeout=5) as conn:
                cursor = conn.execute(statement, params)
                return cursor.fetchall() if cursor.description else []
        except psycopg.OperationalError as exc:
            raise HarnessError(f"PostgreSQL not reachable at {self.server_url}: {exc}") from exc

    def create(self, template: str | None = None) -> None:
        """Create it empty, or as a copy of ``template``."""
        if not self.is_postgres:
            return
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name))
        if template:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        self._execute(statement)

    def clone(self, template: str) -> bool:
        """Create it as a copy of ``template``; False if that template does not exist."""
        try:
            self.create(template)
        except (psycopg.Error, HarnessError):
            return False
        return True

    def migrate(self, env: dict[str, str], log: Path) -> None:
        """Apply the project's migrations with ``env`` (which must name this database)."""
        assert env.get("DATABASE_URL") == self.url, "the environment names another database"
        run(manage_command("migrate", "--noinput", "-v0"), env, log)

    def save_as_template(self, template: str, prefix: str) -> None:
        """Keep a copy of this database as ``template``; drop older ones named ``prefix*``."""
        if not self.is_postgres:
            return
        with contextlib.suppress(psycopg.Error):
            self._execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(template), sql.Identifier(self.name)
                )
            )
        for name in self.names(prefix):
            if name != template:
                self.drop_named(name)

    def names(self, prefix: str) -> list[str]:
        """Databases on the server whose name starts with ``prefix``."""
        query = sql.SQL("SELECT datname FROM pg_database WHERE datname LIKE %s")
        return [name for (name,) in self._execute(query, (f"{prefix}%",))]

    def drop_named(self, name: str) -> None:
        with contextlib.suppress(psycopg.Error, HarnessError):
            self._execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def drop(self) -> None:
        """Drop it, even with connections left open; never fails."""
        if self.is_postgres:
            self.drop_named(self.name)
            return
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.sqlite_path}{suffix}").unlink(missing_ok=True)

    def __enter__(self) -> Database:
        self.create()
        return self

    def __exit__(self, *exc) -> None:
        self.drop()
