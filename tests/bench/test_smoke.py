"""Every benchmark runs once with tiny sizes, so ``make bench`` cannot rot unnoticed.

The figures' values are not judged here (a tiny run says nothing about
performance); the output format and that each benchmark could run are.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.figures import ORDER

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"name", "value", "unit", "baseline", "ratio", "target", "ok", "storage"}


def bench_redis_url() -> str:
    """A Redis database next to the tests' own: the benchmark empties the one it uses."""
    parts = urlsplit(os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/5")
    number = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{(number + 1) % 16}"))


def test_every_benchmark_prints_one_valid_json_line():
    env = {**os.environ, "BENCH_REDIS_URL": bench_redis_url()}
    env.pop("DJANGO_SETTINGS_MODULE", None)

    result = subprocess.run(
        [sys.executable, "-m", "bench", "--size", "small"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-4000:]
    lines = result.stdout.strip().splitlines()
    figures = [json.loads(line) for line in lines]
    assert [f["name"] for f in figures] == list(ORDER)
    assert {f["storage"] for f in figures} == {"files"}
    for figure in figures:
        assert set(figure) == KEYS
        assert isinstance(figure["value"], int | float)
        assert isinstance(figure["ratio"], int | float)
        assert isinstance(figure["baseline"], int | float)
        assert figure["baseline"] > 0
        assert isinstance(figure["ok"], bool)
        assert figure["unit"]
        assert figure["target"]


def test_the_storage_bound_figures_run_against_a_bucket_too():
    env = {**os.environ, "BENCH_REDIS_URL": bench_redis_url()}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    names = ["pipeline_overhead", "download_vs_render"]
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--size", "small", "--storage", "s3", *names],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    figures = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [(f["name"], f["storage"]) for f in figures] == [(name, "s3") for name in names]


def test_unknown_figure_is_refused_before_any_service_starts():
    result = subprocess.run(
        [sys.executable, "-m", "bench", "no_such_figure"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 2
    assert "unknown figure" in result.stderr
    assert result.stdout == ""
