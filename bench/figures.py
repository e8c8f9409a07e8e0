"""The seven figures. Each returns a :class:`Figure` against a baseline of the same run."""

from __future__ import annotations

import http.client
import re
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from bench import content
from bench.harness import RSS_KEY, BenchError, Stack, log

FIGURES: dict[str, Callable[[Stack], Figure]] = {}
# Run order of ``python -m bench``: fewest worker restarts.
ORDER = (
    "pipeline_overhead",
    "download_vs_render",
    "page_serving",
    "worker_memory",
    "worker_scaling",
    "dedupe",
    "mass_rerender",
)
RENDER_TIMEOUT = 900


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    baseline: float
    ratio: float
    target: str
    ok: bool

    def as_dict(self) -> dict:
        data = asdict(self)
        for key in ("value", "baseline", "ratio"):
            data[key] = float(f"{data[key]:.4g}")
        return data


def figure(function: Callable[[Stack], Figure]) -> Callable[[Stack], Figure]:
    FIGURES[function.__name__] = function
    return function


# --- helpers ----------------------------------------------------------------------------


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def last_pks() -> tuple[int, int]:
    from documents.models import PdfVersion, RenderJob

    version = PdfVersion.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    job = RenderJob.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return version, job


def raise_failed_jobs(after_job: int) -> None:
    from documents.models import RenderJob

    failed = RenderJob.objects.filter(pk__gt=after_job, status=RenderJob.Status.FAILED)
    first = failed.first()
    if first is not None:
        raise BenchError(f"render job {first.pk} failed: {first.error}")


def wait_versions(stack: Stack, page_ids: list[int], after: tuple[int, int], what: str) -> None:
    """Until every page has a PdfVersion newer than ``after``; failed jobs abort."""
    from documents.models import PdfVersion

    wanted = set(page_ids)

    def done() -> bool:
        raise_failed_jobs(after[1])
        have = set(
            PdfVersion.objects.filter(pk__gt=after[0], page_id__in=wanted).values_list(
                "page_id", flat=True
            )
        )
        return have >= wanted

    stack.wait_for(done, RENDER_TIMEOUT, what, *stack.workers)


def worker_weasyprint_ms(stack: Stack) -> str:
    """Median of WeasyPrint's own time inside the workers since the last call."""
    from bench.harness import RENDER_MS_KEY

    values = [float(v) for v in stack.redis.lrange(RENDER_MS_KEY, 0, -1)]
    stack.redis.delete(RENDER_MS_KEY)
    return f"{statistics.median(values):.0f} ms" if values else "n/a"


def job_phases(after_job: int) -> str:
    """Medians of where the time of the jobs after ``after_job`` went (from the ledger)."""
    from documents.models import RenderJob

    jobs = list(
        RenderJob.objects.filter(pk__gt=after_job, status=RenderJob.Status.DONE).values(
            "created_at", "enqueued_at", "started_at", "finished_at"
        )
    )
    if not jobs:
        return "no finished jobs"

    def ms(start: str, end: str) -> float:
        values = [
            (job[end] - job[start]).total_seconds() * 1000
            for job in jobs
            if job[start] and job[end]
        ]
        return statistics.median(values) if values else float("nan")

    ordered = sorted((job for job in jobs if job["started_at"]), key=lambda job: job["started_at"])
    gaps = [
        (later["started_at"] - earlier["finished_at"]).total_seconds() * 1000
        for earlier, later in zip(ordered, ordered[1:], strict=False)
        if later["started_at"] >= earlier["finished_at"]
    ]
    gap = f", idle between jobs {statistics.median(gaps):.0f} ms" if gaps else ""
    return (
        f"{len(jobs)} jobs{gap}, medians: written->sent {ms('created_at', 'enqueued_at'):.0f} ms, "
        f"sent->claimed {ms('enqueued_at', 'started_at'):.0f} ms, "
        f"claimed->stored {ms('started_at', 'finished_at'):.0f} ms"
    )


def wait_idle(stack: Stack, after_job: int = 0, expected_jobs: int = 0) -> None:
    """Until at least ``expected_jobs`` new jobs exist and none is pending or running."""
    from documents.models import RenderJob

    active = (RenderJob.Status.PENDING, RenderJob.Status.RUNNING)

    def idle() -> bool:
        raise_failed_jobs(after_job)
        jobs = RenderJob.objects.filter(pk__gt=after_job)
        return jobs.count() >= expected_jobs and not jobs.filter(status__in=active).exists()

    stack.wait_for(idle, RENDER_TIMEOUT, "the render queue to drain", *stack.workers)


def restart_workers(stack: Stack, count: int) -> None:
    """Fresh worker processes; the queue is drained first so no render is cut off."""
    if stack.workers:
        wait_idle(stack)
    stack.start_workers(count)
    wait_idle(stack)


def ensure_workers(stack: Stack, count: int) -> None:
    if len(stack.workers) != count or not all(w.alive() for w in stack.workers):
        restart_workers(stack, count)


def warm_workers(stack: Stack) -> None:
    """One render per worker process, so every process has loaded fonts and templates."""
    pages = content.synthetic_handouts(stack, max(len(stack.workers), 1))["pages"]
    after = last_pks()
    for page in pages[: len(stack.workers)]:
        page.summary = f"Aufwärmen {time.monotonic_ns()}"
        page.save_revision().publish()
    wait_versions(stack, [p.pk for p in pages[: len(stack.workers)]], after, "warm-up renders")


class RawRender:
    """WeasyPrint alone, in this process: the page's print HTML with the pipeline's options.

    Figures take a sample right after each pipeline sample, so both see the same load
    on a shared machine.
    """

    def __init__(self, page):
        from documents.rendering import build_print_html

        self.print_html = build_print_html(page.get_latest_revision())
        self.samples: list[float] = []
        self._render()  # warm, like the worker

    def _render(self) -> float:
        from documents.rendering import print_html_to_pdf

        started = time.perf_counter()
        print_html_to_pdf(self.print_html)
        return time.perf_counter() - started

    def sample(self, runs: int = 1) -> None:
        self.samples += [self._render() for _ in range(runs)]


class Http:
    """One keep-alive connection, as a browser would hold it."""

    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)

    def get(self, path: str) -> tuple[int, dict, bytes]:
        self.connection.request("GET", path)
        response = self.connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body


# --- 1. pipeline overhead -----------------------------------------------------------------


@figure
def pipeline_overhead(stack: Stack) -> Figure:
    """Publish -> PDF downloadable over HTTP, against WeasyPrint alone on the same HTML."""
    ensure_workers(stack, 1)
    page = content.reference_handout(stack)
    wait_idle(stack)
    from documents.pipeline import latest_version

    client = Http(stack.base_url)
    samples, publishes, downloads = [], [], []
    first_job = last_pks()[1]
    raw = RawRender(page)
    worker_weasyprint_ms(stack)
    for run in range(stack.sizes.overhead_runs + 1):
        after = last_pks()
        page.summary = f"Referenzdokument für die Leistungsmessung, Fassung {run}."
        revision = page.save_revision()  # the editor's draft; publishing starts the clock
        started = time.perf_counter()
        revision.publish()
        published = time.perf_counter()
        wait_versions(stack, [page.pk], after, "the reference PDF")
        sha = latest_version(page).sha256
        stored = time.perf_counter()
        status, headers, body = client.get(f"/pdf/{page.pk}/")
        elapsed = time.perf_counter() - started
        if status != 200 or headers.get("etag", "").strip('"') != sha or not body:
            raise BenchError(f"/pdf/{page.pk}/ answered {status} without the new version")
        if run:  # the first run warms the worker
            samples.append(elapsed)
            publishes.append(published - started)
            downloads.append(time.perf_counter() - stored)
            raw.sample()
    value, baseline = median_ms(samples), median_ms(raw.samples)
    log(f"pipeline: median {value:.0f} ms over {len(samples)}; WeasyPrint {baseline:.0f} ms")
    log(
        f"pipeline phases: publish() {median_ms(publishes):.0f} ms, "
        f"download {median_ms(downloads):.0f} ms; {job_phases(first_job)}; "
        f"WeasyPrint inside the worker {worker_weasyprint_ms(stack)}"
    )
    ratio = value / baseline
    return Figure("pipeline_overhead", value, "ms", baseline, ratio, "<= 1.15", ratio <= 1.15)


# --- 2. worker scaling --------------------------------------------------------------------


def _rerender_all(stack: Stack, pages: list, snippet, marker: str) -> float:
    after = last_pks()
    started = time.perf_counter()
    content.change_partner(snippet, marker)
    wait_versions(stack, [p.pk for p in pages], after, f"{len(pages)} re-renders")
    return time.perf_counter() - started


@figure
def worker_scaling(stack: Stack) -> Figure:
    """Throughput of N handouts with 2 worker processes divided by 1 process."""
    n = stack.sizes.scaling_handouts
    data = content.synthetic_handouts(stack, n)
    pages = data["pages"][:n]
    throughput = {}
    for workers in (1, stack.sizes.workers):
        ensure_workers(stack, workers)
        warm_workers(stack)
        elapsed = _rerender_all(stack, pages, data["scale"], f"{workers}{time.time_ns() % 10**6}")
        throughput[workers] = n / elapsed
        log(f"scaling: {n} renders with {workers} worker(s) in {elapsed:.1f} s")
    value, baseline = throughput[stack.sizes.workers], throughput[1]
    ratio = value / baseline
    return Figure("worker_scaling", value, "renders/s", baseline, ratio, ">= 1.7", ratio >= 1.7)


# --- 3. dedupe ----------------------------------------------------------------------------


@figure
def dedupe(stack: Stack) -> Figure:
    """Renders started: republishing unchanged pages (0), then one snippet change (exactly k)."""
    sizes = stack.sizes
    data = content.synthetic_handouts(stack, sizes.dedupe_pages)
    pages = data["pages"][: sizes.dedupe_pages]
    ensure_workers(stack, sizes.workers)
    wait_idle(stack)

    renders_before = stack.renders_started()
    after = last_pks()
    for page in pages:
        page.save_revision().publish()
    wait_idle(stack, after[1], expected_jobs=len(pages))
    unchanged = stack.renders_started() - renders_before

    renders_before = stack.renders_started()
    after = last_pks()
    content.change_partner(data["dedupe"], str(time.time_ns() % 10**6))
    wait_idle(stack, after[1], expected_jobs=sizes.dedupe_k)
    changed = stack.renders_started() - renders_before
    log(
        f"dedupe: {unchanged} renders for {len(pages)} unchanged republishes, "
        f"{changed} for a snippet used by {sizes.dedupe_k}"
    )
    value = unchanged + changed
    ok = unchanged == 0 and changed == sizes.dedupe_k
    target = f"0 + exactly {sizes.dedupe_k}"
    return Figure("dedupe", value, "renders", sizes.dedupe_k, value / sizes.dedupe_k, target, ok)


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
    _rerender_all(stack, pages, data["mass"], f"m{time.time_ns() % 10**6}")
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


# --- 7. mass re-render --------------------------------------------------------------------


@figure
def mass_rerender(stack: Stack) -> Figure:
    """One partner change re-renders N handouts; against N x raw render / worker processes."""
    sizes = stack.sizes
    data = content.synthetic_handouts(stack, sizes.mass_handouts)
    pages = data["pages"][: sizes.mass_handouts]
    ensure_workers(stack, sizes.workers)
    warm_workers(stack)
    render = RawRender(pages[-1])
    render.sample(max(sizes.render_runs // 2, 2))
    first_job = last_pks()[1]
    worker_weasyprint_ms(stack)
    elapsed = _rerender_all(stack, pages, data["mass"], f"r{time.time_ns() % 10**6}")
    render.sample(max(sizes.render_runs // 2, 2))  # before and after: the same load
    raw = median_ms(render.samples) / 1000
    baseline = len(pages) * raw / sizes.workers
    log(f"mass: {len(pages)} re-renders in {elapsed:.1f} s; raw render {raw * 1000:.0f} ms")
    log(
        f"mass phases: {job_phases(first_job)}; "
        f"WeasyPrint inside the workers {worker_weasyprint_ms(stack)}"
    )
    ratio = elapsed / baseline
    return Figure("mass_rerender", elapsed, "s", baseline, ratio, "<= 1.2", ratio <= 1.2)
