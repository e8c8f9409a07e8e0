"""Settings refuse unsafe configurations before the application starts."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "Q7x!pZ2mR9vW4tY6uI8oP0aS3dF5gH1jL"


def run_django(settings_module: str | None, **env: str) -> subprocess.CompletedProcess:
    """Start a fresh interpreter that loads Django with only the given environment."""
    clean = {
        "PATH": os.environ["PATH"],
        "ENV_FILE": "/nonexistent/.env",
        "DATABASE_URL": "sqlite:////tmp/una-settings-test.sqlite3",
        **env,
    }
    if settings_module:
        clean["DJANGO_SETTINGS_MODULE"] = settings_module
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "CRITICAL"],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_manage_py_refuses_to_guess_the_settings_module():
    result = run_django(None)
    assert result.returncode == 2
    assert "DJANGO_SETTINGS_MODULE is not set" in result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ALLOWED_HOSTS": "una.example"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "una.example"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "django-insecure-" + GOOD_KEY, "ALLOWED_HOSTS": "una.example"}, "SECRET"),
        ({"SECRET_KEY": GOOD_KEY}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS must list"),
    ],
)
def test_production_refuses_unsafe_configuration(env, message):
    result = run_django("cms.settings.production", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_with_a_safe_configuration():
    result = run_django("cms.settings.production", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="una.example")
    assert result.returncode == 0, result.stderr


def test_dev_settings_refuse_to_start_without_a_secret():
    result = run_django("cms.settings.dev")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_site_is_german(settings):
    assert settings.LANGUAGE_CODE == "de"
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.WAGTAILADMIN_PERMITTED_LANGUAGES == [("de", "Deutsch")]
