"""Settings are declared once, refuse unsafe configurations and create no folders."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cms import embedded

BASE_DIR = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "Q7x!pZ2mR9vW4tY6uI8oP0aS3dF5gH1jL"
MAIL_SERVER = "smtp+tls://netzwerk:geheim@mail.example:587"


def run_python(args: list[str], settings_module: str | None, **env: str):
    """A fresh interpreter with only the given environment (no .env, no Redis)."""
    clean = {
        "PATH": os.environ["PATH"],
        "ENV_FILE": "/nonexistent/.env",
        "DATABASE_URL": "sqlite:////tmp/una-settings-test.sqlite3",
        **env,
    }
    if settings_module:
        clean["DJANGO_SETTINGS_MODULE"] = settings_module
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_django(settings_module: str | None, **env: str) -> subprocess.CompletedProcess:
    """Load Django with only the given environment and run the deployment checks."""
    check = ["manage.py", "check", "--deploy", "--fail-level", "CRITICAL"]
    return run_python(check, settings_module, **env)


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
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "una.example"}, "EMAIL_URL must name"),
        (
            {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "una.example", "EMAIL_URL": "consolemail://"},
            "EMAIL_URL must name",
        ),
    ],
)
def test_production_refuses_unsafe_configuration(env, message):
    result = run_django("cms.settings.production", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_with_a_safe_configuration():
    result = run_django(
        "cms.settings.production",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="una.example",
        EMAIL_URL=MAIL_SERVER,
    )
    assert result.returncode == 0, result.stderr


def test_the_mail_server_comes_from_email_url():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS)"
    )
    result = run_python(
        ["-c", code],
        "cms.settings.production",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="una.example",
        EMAIL_URL=MAIL_SERVER,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example",
        "587",
        "netzwerk",
        "True",
    ]


def test_development_prints_mails_on_the_console():
    code = "import django; django.setup(); from django.conf import settings; "
    code += "print(settings.EMAIL_BACKEND)"
    result = run_python(["-c", code], "cms.settings.dev", SECRET_KEY=GOOD_KEY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.mail.backends.console.EmailBackend"


def test_dev_settings_refuse_to_start_without_a_secret():
    result = run_django("cms.settings.dev")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_site_is_german(settings):
    assert settings.LANGUAGE_CODE == "de"
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.WAGTAILADMIN_PERMITTED_LANGUAGES == [("de", "Deutsch")]


# Reads of the environment or of settings with a default of their own, outside cms/settings:
# (module, what it reads). None is left.
KNOWN_REDEFAULTS: set[tuple[str, str]] = set()


def _project_packages() -> set[str]:
    """Top-level packages of the project's own apps (every app of INSTALLED_APPS in the tree)."""
    from django.apps import apps

    return {
        config.name.split(".")[0]
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(BASE_DIR)
    }


ENVIRONMENT_READS = {("os", "environ"), ("os", "getenv"), ("environ", "Env")}


def _settings_reads(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"getattr", "hasattr"}:
            target, name, *_ = node.args
            if isinstance(target, ast.Name) and target.id == "settings":
                found.append(name.value if isinstance(name, ast.Constant) else "?")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            read = (node.value.id, node.attr)
            if read in ENVIRONMENT_READS:
                found.append(".".join(read))
    return found


def test_apps_read_settings_directly():
    """Every knob is declared once in cms/settings; apps read settings.X, never a default."""
    packages = _project_packages()
    assert {"cms", "home", "partners", "documents"} <= packages
    found = set()
    for package in sorted(packages):
        for path in sorted((BASE_DIR / package).rglob("*.py")):
            relative = path.relative_to(BASE_DIR).as_posix()
            if "/migrations/" in relative or relative.startswith("cms/settings/"):
                continue
            if relative == "cms/bootstrap.py":  # reads .env before the settings exist
                continue
            tree = ast.parse(path.read_text(), relative)
            found |= {(relative, name) for name in _settings_reads(tree)}
    assert found == KNOWN_REDEFAULTS


# `make run`'s embedded defaults get their folders when the apps start, not in settings.
COUNT_MKDIR = """
import pathlib
made = []
pathlib.Path.mkdir = lambda self, *args, **kwargs: made.append(str(self))
import cms.settings.base
print(len(made))
"""


def test_reading_the_settings_creates_no_folder():
    result = run_python(["-c", COUNT_MKDIR], "cms.settings.test", CELERY_BROKER_URL="filesystem://")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"


def test_starting_creates_the_sqlite_folder(tmp_path):
    database = tmp_path / "var" / "db.sqlite3"
    result = run_python(
        ["manage.py", "check"],
        "cms.settings.test",
        DATABASE_URL=f"sqlite:///{database}",
        CELERY_BROKER_URL="redis://127.0.0.1:1/0",
    )
    assert result.returncode == 0, result.stderr
    assert database.parent.is_dir()


def test_file_system_broker_and_beat_folders_are_prepared(settings, tmp_path):
    broker = tmp_path / "broker"
    settings.CELERY_BROKER_URL = "filesystem://"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(broker / "out"),
        "data_folder_out": str(broker / "out"),
        "processed_folder": str(broker / "processed"),
        "control_folder": str(broker / "control"),
    }
    settings.CELERY_BEAT_SCHEDULE_FILENAME = str(tmp_path / "beat" / "celerybeat-schedule")
    embedded.prepare_folders()
    for folder in ("broker/out", "broker/processed", "broker/control", "beat"):
        assert (tmp_path / folder).is_dir(), folder
