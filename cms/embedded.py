"""Folders of the embedded defaults, so `make run` starts from a fresh clone.

Without DATABASE_URL the site uses SQLite in var/, without REDIS_URL Celery uses a
broker on the file system in var/broker/, and beat keeps its schedule file in var/.
Neither SQLite nor the file-system transport creates its folder, so every process
(web, worker, beat, manage.py) prepares them when its apps are ready, before the
first database connection. Settings only declare the paths.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

BROKER_FOLDERS = ("data_folder_in", "data_folder_out", "processed_folder", "control_folder")


def folders() -> list[Path]:
    """The folders the settings in force write into outside the database and storage."""
    found = []
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3" and database["NAME"] != ":memory:":
        found.append(Path(database["NAME"]).parent)
    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
        found += [Path(options[key]) for key in BROKER_FOLDERS if key in options]
    found.append(Path(settings.CELERY_BEAT_SCHEDULE_FILENAME).parent)
    return found


def prepare_folders() -> None:
    for folder in folders():
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
