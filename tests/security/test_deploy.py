"""Production settings pass Django's deployment checklist and send HTTPS-only headers."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "Q7x!pZ2mR9vW4tY6uI8oP0aS3dF5gH1jL"

PROBE = """
import json
from django.conf import settings
from django.test import Client
client = Client()
secure = client.get("/api/v3/openapi.json", secure=True, HTTP_HOST="una.example")
plain = client.get("/api/v3/openapi.json", HTTP_HOST="una.example")
print(json.dumps({"headers": dict(secure.headers), "plain_status": plain.status_code,
                  "plain_location": plain.get("Location"),
                  "two_factor_required": settings.WAGTAIL_2FA_REQUIRED}))
"""


def production(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ["PATH"],
        "ENV_FILE": "/nonexistent/.env",
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "una.example",
        "EMAIL_URL": "smtp+tls://netzwerk:geheim@mail.example:587",
    }
    (tmp_path / "static").mkdir(exist_ok=True)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_issue(tmp_path):
    result = production("check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_sends_hsts_and_redirects_to_https(tmp_path):
    result = production("shell", "-c", PROBE, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    headers = probe["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "upgrade-insecure-requests" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert probe["plain_status"] == 301
    assert probe["plain_location"] == "https://una.example/api/v3/openapi.json"
    assert probe["two_factor_required"] is True
