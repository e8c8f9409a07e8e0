"""The process harness: databases, a private Redis and child processes behave as promised."""

import os
import signal
import sys

import psycopg
import pytest
import redis
from django.core.mail import EmailMessage

from harness import (
    Database,
    HarnessError,
    Process,
    RedisServer,
    child_env,
    database_url,
    free_port,
    wait_for,
)

SERVER = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/una")


def exists(database: Database, name: str) -> bool:
    return name in database.names(name)


def test_database_is_created_cloned_and_dropped_with_open_connections():
    if not SERVER.startswith("postgres"):
        pytest.fail("needs PostgreSQL in DATABASE_URL")
    with Database(SERVER, prefix="una_harness_test") as source:
        with psycopg.connect(source.url, autocommit=True) as conn:
            conn.execute("CREATE TABLE mark (value text)")
            conn.execute("INSERT INTO mark VALUES ('copied')")
        copy = Database(SERVER, prefix="una_harness_test")
        assert copy.clone(source.name)
        lingering = psycopg.connect(copy.url)  # a connection a killed process left open
        assert lingering.execute("SELECT value FROM mark").fetchone() == ("copied",)
        copy.drop()
        lingering.close()
        assert not exists(source, copy.name)
        assert exists(source, source.name)
    assert not exists(copy, source.name)
    assert not Database(SERVER, prefix="una_harness_test").clone("una_harness_no_such_db")


def test_sqlite_database_is_a_temporary_file():
    database = Database("sqlite:///ignored.sqlite3", prefix="una_harness_test")
    assert database.url.endswith(f"{database.name}.sqlite3")
    assert not database.is_postgres


def test_private_redis_stops_without_touching_others(tmp_path):
    first, second = RedisServer(tmp_path).start(), RedisServer(tmp_path).start()
    try:
        assert first.port != second.port != 6379
        redis.Redis(port=second.port).set("kept", "1")
        first.stop()
        with pytest.raises(redis.ConnectionError):
            redis.Redis(port=first.port).ping()
        assert redis.Redis(port=second.port).get("kept") == b"1"
    finally:
        first.stop()
        second.stop()


def test_process_is_ready_on_its_log_line_and_stops(tmp_path):
    script = "import time; print('ready.', flush=True); time.sleep(60)"
    process = Process("sleeper", [sys.executable, "-c", script], child_env(), tmp_path / "s.log")
    process.start().wait_for_log(r"ready\.", 20)
    assert process.alive()
    process.stop(5)
    assert process.returncode == -signal.SIGTERM


def test_a_process_that_dies_fails_the_wait_with_its_log(tmp_path):
    script = "import sys; print('kaputt', flush=True); sys.exit(3)"
    process = Process("crasher", [sys.executable, "-c", script], child_env(), tmp_path / "c.log")
    with pytest.raises(HarnessError, match="(?s)crasher exited.*kaputt"):
        process.start().wait_for_log("never", 20)


def test_kill_takes_the_whole_process_group(tmp_path):
    script = (
        "import subprocess, sys, time; "
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
        "print(child.pid, flush=True); time.sleep(60)"
    )
    process = Process("parent", [sys.executable, "-c", script], child_env(), tmp_path / "p.log")
    process.start().wait_ready(lambda: process.log_bytes().strip(), 20)
    child = int(process.log_bytes().split()[0])
    process.kill()
    wait_for(lambda: not _running(child), 10, message="the child survived")


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_wait_for_times_out_with_the_message():
    with pytest.raises(HarnessError, match="nothing came: timed out"):
        wait_for(lambda: False, 0.2, 0.05, "nothing came")


def test_child_env_drops_shared_services_and_stringifies():
    shared = {"CACHE_URL": "redis://shared", "EMAIL_URL": "smtp://mail.example", "KEEP": "1"}
    env = child_env(shared, PORT=free_port())
    assert "CACHE_URL" not in env
    assert "EMAIL_URL" not in env, "a test's worker never mails through a developer's server"
    assert env["KEEP"] == "1"
    assert env["PORT"].isdigit()


def test_database_url_of_django_settings():
    url = database_url({"NAME": "una_x", "USER": "", "HOST": "", "PORT": ""})
    assert url == "postgres://postgres:@127.0.0.1:5432/una_x"


def test_smtp_server_delivers_what_django_sends(smtp_mail):
    message = EmailMessage(
        "Neue Fassung: Übergang Schule – Beruf",
        "Grüße aus Herzberg",
        "netzwerk@example.org",
        ["mitarbeiterin@example.org"],
        headers={"List-Unsubscribe": "<https://una.example/abmelden/x/>"},
    )
    assert message.send() == 1
    [received] = wait_for(smtp_mail.messages, 10, 0.05, "delivered mail")
    assert received["Subject"] == "Neue Fassung: Übergang Schule – Beruf"
    assert received["To"] == "mitarbeiterin@example.org"
    assert received["List-Unsubscribe"] == "<https://una.example/abmelden/x/>"
    assert received.get_content().strip() == "Grüße aus Herzberg"
    smtp_mail.clear()
    assert smtp_mail.messages() == []
