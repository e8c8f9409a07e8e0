"""Environment bootstrap shared by manage.py, WSGI/ASGI and the Celery app.

Reads an optional ``.env`` file (written by ``make run`` for local work) and
insists on an explicit ``DJANGO_SETTINGS_MODULE``: there is no silent fallback
to development settings, so a production host that forgets to choose settings
stops instead of running with DEBUG on.
"""

import os
import sys
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent


def read_env() -> None:
    """Load ``.env`` (or the file named by ENV_FILE) without overriding the real environment."""
    environ.Env.read_env(os.environ.get("ENV_FILE", BASE_DIR / ".env"), overwrite=False)


def configure() -> None:
    """Read the env file and insist on an explicitly chosen settings module."""
    read_env()
    if not os.environ.get("DJANGO_SETTINGS_MODULE"):
        sys.stderr.write(
            "DJANGO_SETTINGS_MODULE is not set. Use cms.settings.dev for local work "
            "(`make run` writes it to .env), cms.settings.production on a server.\n"
        )
        raise SystemExit(2)
