"""Figures of what readers get: downloads, page serving, and the workers' memory."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from urllib.parse import urlsplit

from bench import content
from bench.figures.base import (
    Figure,
    Http,
    ensure_workers,
    figure,
    job_phases,
    last_pks,
    median_ms,
    rerender_all,
    restart_workers,
    wait_idle,
)
from bench.harness import RSS_KEY, BenchError, Stack, log

# --- 4. download vs render ----------------------------------------------------------------


@figure
def download_vs_render(stack: Stack) -> Figure:
    """p50 of downloading the stored PDF over HTTP divided by rendering it on request."""
    from documents.rendering import render_revision

    if not stack.workers:
        ensure_workers(stack, 1)
    page = content.reference_handout(stack)
    wait_idle(stack)
    client = Http(stack.base_url)
    client.get(f"/pdf/{page.pk}/")
    revision = page.get_latest_revision()
    render_revision(revision)
    downloads, renders = [], []
    rounds = max(stack.sizes.render_runs, 1)
    per_round = max(stack.sizes.download_requests // rounds, 1)
    for _ in range(rounds):  # interleaved, so both see the same machine load
        for _ in range(per_round):
            started = time.perf_counter()
            status, _headers, body = client.get(f"/pdf/{page.pk}/")
            downloads.append(time.perf_counter() - started)
            if status != 200 or not body.startswith(b"%PDF"):
                raise BenchError(f"/pdf/{page.pk}/ answered {status}")
        started = time.perf_counter()
        render_revision(revision)
        renders.append(time.perf_counter() - started)
    value, baseline = median_ms(downloads), median_ms(renders)
    log(f"download p50 {value:.1f} ms ({len(body)} bytes), render on request p50 {baseline:.0f} ms")
    ratio = value / baseline
    return Figure("download_vs_render", value, "ms", baseline, ratio, "<= 0.02", ratio <= 0.02)


# --- 5. page serving ----------------------------------------------------------------------

WRK_LATENCY = re.compile(r"^\s*(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def serving_paths() -> dict[str, str]:
    from home.models import NewsPage
    from partners.models import PartnerDirectoryPage

    paths = {"home": "/", "api_pages": "/api/v3/pages/"}
    for name, model in (("news", NewsPage), ("partner_directory", PartnerDirectoryPage)):
        page = model.objects.live().public().order_by("path").first()
        if page is None:
            raise BenchError(f"no live {model.__name__} in the demo content")
        paths[name] = urlsplit(page.get_url(None)).path
    return paths


def wrk(url: str, seconds: int) -> dict:
    """16 connections for ``seconds``; requests/s, p50 and p99 in ms."""
    if shutil.which("wrk") is None:
        raise BenchError("wrk is missing: apt-get install -y wrk")
    result = subprocess.run(
        ["wrk", "-t1", "-c16", f"-d{seconds}s", "--timeout", "30s", "--latency", url],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=False,
    )
    out = result.stdout
    if result.returncode or "Requests/sec" not in out:
        raise BenchError(f"wrk {url} failed: {out}{result.stderr}")
    if "Non-2xx" in out:
        raise BenchError(f"{url} answered errors under load:\n{out}")
    errors = re.search(r"Socket errors:.*", out)
    if errors:
        log(f"warning: {url}: {errors.group(0)}")
    latency = {p: float(v) * UNITS[u] for p, v, u in WRK_LATENCY.findall(out)}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return {"rps": rps, "p50_ms": latency["50"], "p99_ms": latency["99"]}


@figure
def page_serving(stack: Stack) -> Figure:
    """Cached and uncached: req/s, p50, p99 at 16 connections for four public URLs."""
    results = {}
    for name, path in serving_paths().items():
        for mode, base in (("uncached", stack.uncached_url), ("cached", stack.base_url)):
            client = Http(base)
            for _ in range(2):
                status, headers, _body = client.get(path)
            if status != 200:
                raise BenchError(f"{base}{path} answered {status}")
            if mode == "cached" and headers.get("x-page-cache") != "hit":
                log(f"warning: {path} is not served from the page cache")
            results[(name, mode)] = wrk(base + path, stack.sizes.serving_seconds)
            log(f"{name:18} {mode:8} {results[(name, mode)]}")
    ratios = {
        name: results[(name, "cached")]["rps"] / results[(name, "uncached")]["rps"]
        for name, _mode in results
    }
    worst = min(ratios, key=ratios.get)
    p99 = max(r["p99_ms"] for (name, mode), r in results.items() if mode == "cached")
    stack.memo["page_serving"] = results
    ok = ratios[worst] >= 10 and p99 < 100
    return Figure(
        "page_serving",
        results[(worst, "cached")]["rps"],
        "req/s",
        results[(worst, "uncached")]["rps"],
        ratios[worst],
        ">= 10 (cached p99 < 100 ms)",
        ok,
    )


# --- 6. worker memory ---------------------------------------------------------------------


def _rss_samples(stack: Stack) -> list[tuple[int, int, int]]:
    rows = [item.decode().split() for item in stack.redis.lrange(RSS_KEY, 0, -1)]
    return [(int(pid), int(renders), int(rss)) for pid, renders, rss in rows]


@figure
def worker_memory(stack: Stack) -> Figure:
    """Resident memory of one worker process after N renders divided by after 10."""
    sizes = stack.sizes
    data = content.synthetic_handouts(stack, sizes.memory_renders)
    pages = data["pages"][: sizes.memory_renders]
    ensure_workers(stack, 1)  # renders whatever is queued, so the fresh one starts at 0
    restart_workers(stack, 1)
    stack.redis.delete(RSS_KEY)
    first_job = last_pks()[1]
    rerender_all(stack, pages, data["mass"], f"2{time.time_ns() % 10**6}")
    log(f"memory run phases (one worker): {job_phases(first_job)}")
    samples = [s for s in _rss_samples(stack) if s[1] > 0]
    pids = {pid for pid, _r, _rss in samples}
    if len(pids) != 1:
        log(f"warning: the pool process was replaced during the run (pids {sorted(pids)})")
    early = [rss for _pid, renders, rss in samples if renders >= sizes.memory_early]
    if not early:
        raise BenchError("no memory sample after the early renders")
    # After the last render; the peak if the pool process was replaced on the way.
    final = samples[-1][2] if len(pids) == 1 else max(rss for _p, _r, rss in samples)
    value, baseline = final / 1024, early[0] / 1024
    log(
        f"worker RSS {baseline:.0f} MiB after {sizes.memory_early} renders, "
        f"{value:.0f} MiB after {max(r for _p, r, _s in samples)}"
    )
    ratio = value / baseline
    return Figure("worker_memory", value, "MiB", baseline, ratio, "<= 1.15", ratio <= 1.15)
