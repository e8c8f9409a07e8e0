"""What every figure shares: the result record, the registry, waiting for renders, samplers."""

from __future__ import annotations

import http.client
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from bench import content
from bench.harness import BenchError, Stack

FIGURES: dict[str, Callable[[Stack], Figure]] = {}
# Run order of ``python -m bench``: fewest worker restarts.
ORDER = (
    "pipeline_overhead",
    "publish_to_pdf",
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


def rerender_all(stack: Stack, pages: list, snippet, marker: str) -> float:
    """Change a partner all ``pages`` reference; seconds until every page has a new PDF."""
    after = last_pks()
    started = time.perf_counter()
    content.change_partner(snippet, marker)
    wait_versions(stack, [p.pk for p in pages], after, f"{len(pages)} re-renders")
    return time.perf_counter() - started


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
