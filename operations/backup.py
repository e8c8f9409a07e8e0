"""Backup and restore: a consistent database dump plus every media object, with a manifest.

The dump comes from PostgreSQL's own tools (``pg_dump --format=custom``, ``pg_restore``),
a consistent snapshot even while the site runs. The media storage (MEDIA_ROOT or the
bucket) is copied after the dump: files are never overwritten in place (PDFs and uploads
get new names), so every file the dump refers to is still there to be copied. The
manifest records each file's size and sha256; a restore checks them all before it changes
anything, and restores only into an empty database and an empty storage.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Why a backup or restore cannot go on, in German for the operator."""


@dataclass(frozen=True)
class Summary:
    database_bytes: int
    files: int
    media_bytes: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _connection_uri() -> str:
    """The database as a libpq URI for pg_dump/pg_restore, from Django's settings."""
    settings = connection.settings_dict
    if connection.vendor != "postgresql":
        raise BackupError("Sicherung und Wiederherstellung brauchen PostgreSQL (DATABASE_URL).")
    user = quote(settings.get("USER") or "postgres", safe="")
    password = quote(settings.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}" if password else user
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgresql://{credentials}@{host}:{port}/{quote(settings['NAME'], safe='')}"


def _run(argv: list[str]) -> None:
    try:
        # pg_dump or pg_restore with options from the settings, never a shell.
        result = subprocess.run(  # noqa: S603
            argv, capture_output=True, text=True, timeout=3600
        )
    except FileNotFoundError as exc:
        raise BackupError(f"{argv[0]} fehlt: apt-get install postgresql-client") from exc
    if result.returncode:
        raise BackupError(f"{argv[0]} ist fehlgeschlagen: {result.stderr.strip()[:2000]}")


def stored_files(path: str = "") -> Iterator[str]:
    """Every file name in the media storage, below ``path`` (none for a missing folder)."""
    try:
        directories, files = default_storage.listdir(path)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield str(PurePosixPath(path, name)) if path else name
    for directory in sorted(directories):
        yield from stored_files(str(PurePosixPath(path, directory)) if path else directory)


def backup(target: Path) -> Summary:
    """Write the dump, the media files and the manifest into the new folder ``target``."""
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} ist nicht leer; bitte einen neuen Ordner angeben.")
    (target / MEDIA).mkdir(parents=True, exist_ok=True)
    dump = target / DUMP
    _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(dump), _connection_uri()])
    media = {}
    for name in stored_files():
        copy = target / MEDIA / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, copy.open("wb") as sink:
            shutil.copyfileobj(source, sink, CHUNK)
        media[name] = {"size": copy.stat().st_size, "sha256": _sha256(copy)}
    manifest = {
        "created_at": timezone.now().isoformat(),
        "database": {"file": DUMP, "size": dump.stat().st_size, "sha256": _sha256(dump)},
        "media": media,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return Summary(dump.stat().st_size, len(media), sum(f["size"] for f in media.values()))


def verify(source: Path) -> dict:
    """The manifest, after checking every file it names; raises on the first mismatch."""
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"{source} enthält keine lesbare {MANIFEST}.") from exc
    entries = {DUMP: manifest["database"]}
    entries.update({f"{MEDIA}/{name}": entry for name, entry in manifest["media"].items()})
    for relative, entry in entries.items():
        path = source / relative
        if not path.is_file() or _sha256(path) != entry["sha256"]:
            raise BackupError(f"Die Sicherung ist beschädigt: {relative} fehlt oder weicht ab.")
    return manifest


def restore(source: Path) -> Summary:
    """Bring a verified backup back into an empty database and an empty media storage."""
    manifest = verify(source)
    if connection.introspection.table_names():
        raise BackupError("Die Datenbank ist nicht leer; wiederhergestellt wird nur in eine leere.")
    if next(stored_files(), None) is not None:
        raise BackupError(
            "Der Medienspeicher ist nicht leer; wiederhergestellt wird nur in einen leeren."
        )
    _run(["pg_restore", "--no-owner", "--dbname", _connection_uri(), str(source / DUMP)])
    for name in manifest["media"]:
        with (source / MEDIA / name).open("rb") as handle:
            saved = default_storage.save(name, File(handle, name=name))
        if saved != name:
            raise BackupError(f"{name} wurde als {saved} gespeichert; der Speicher war nicht leer.")
    media = manifest["media"].values()
    return Summary(manifest["database"]["size"], len(media), sum(f["size"] for f in media))
