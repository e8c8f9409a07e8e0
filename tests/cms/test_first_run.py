"""`make run` from a fresh clone: its port, its library check, no warning on every command."""

import ctypes.util
import subprocess
from pathlib import Path

import pytest

from documents import libraries
from tests.cms.test_settings import GOOD_KEY, run_python

BASE_DIR = Path(__file__).resolve().parents[2]
PRINT_BASE_URL = "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"
SEND_ON_DEFAULT_BROKER = """
import django
django.setup()
from cms.celery import app
with app.connection_for_write() as connection:
    print(connection.info()["transport"])
"""


def test_port_drives_the_default_base_url():
    result = run_python(
        ["-c", PRINT_BASE_URL], "cms.settings.dev", SECRET_KEY=GOOD_KEY, PORT="8123"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "http://127.0.0.1:8123"


def test_base_url_defaults_to_port_8000():
    result = run_python(["-c", PRINT_BASE_URL], "cms.settings.dev", SECRET_KEY=GOOD_KEY)
    assert result.stdout.strip() == "http://127.0.0.1:8000"


def test_procfile_serves_on_port():
    web = next(
        line for line in (BASE_DIR / "Procfile").read_text().splitlines() if line[:4] == "web:"
    )
    assert "--bind 127.0.0.1:${PORT:-8000}" in web


def test_make_run_announces_and_pins_the_port():
    result = subprocess.run(
        ["make", "-n", "run", "PORT=8123"], cwd=BASE_DIR, capture_output=True, text=True, check=True
    )
    assert "http://127.0.0.1:8123/admin/" in result.stdout
    assert (
        'WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:8123}"' in result.stdout
    )
    assert ":8000" not in result.stdout
    assert result.stdout.index("python -m documents.libraries") < result.stdout.index("migrate")


def test_file_system_broker_connects_without_kombu_warning(tmp_path):
    result = run_python(
        ["-c", SEND_ON_DEFAULT_BROKER],
        "cms.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        LOG_LEVEL="INFO",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "filesystem"
    assert "No hostname was supplied" not in result.stderr


def test_library_check_passes_where_weasyprint_renders():
    result = run_python(["-m", "documents.libraries"], None)
    assert result.returncode == 0, result.stderr
    assert libraries.missing_packages() == []


@pytest.mark.parametrize("package", sorted(libraries.PACKAGES))
def test_library_check_names_the_missing_debian_package(package, monkeypatch, capsys):
    """A library the system lacks (find_library finds nothing) fails with the package name."""
    absent = libraries.PACKAGES[package]
    real = ctypes.util.find_library
    monkeypatch.setattr(ctypes.util, "find_library", lambda n: None if n == absent else real(n))
    assert libraries.missing_packages() == [package]
    assert libraries.main() == 1
    assert f"apt-get install -y {package}" in capsys.readouterr().err
