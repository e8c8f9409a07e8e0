"""The site's Prometheus metrics, read at scrape time from the ledger and shared counters.

Nothing is counted in process memory: web and any number of workers on any number of
hosts write the same database rows and Redis counters, so one scrape of any web process
gives the totals. The render duration histogram is built from the finished jobs'
recorded durations.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count, Min, Q, Sum
from django.utils import timezone
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector, CollectorRegistry

from documents.download_counts import download_counts
from documents.models import PipelineCounter, RenderJob

#: Upper bounds of the render duration histogram, in seconds.
DURATION_BUCKETS = (0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0)


def render_jobs() -> Iterator[Metric]:
    by_status = dict(RenderJob.objects.values_list("status").annotate(n=Count("pk")))
    jobs = GaugeMetricFamily("una_render_jobs", "Render jobs by status.", labels=["status"])
    for status in RenderJob.Status.values:
        jobs.add_metric([status], by_status.get(status, 0))
    yield jobs
    oldest = RenderJob.objects.filter(status=RenderJob.Status.PENDING).aggregate(
        oldest=Min("created_at")
    )["oldest"]
    age = (timezone.now() - oldest).total_seconds() if oldest else 0.0
    yield GaugeMetricFamily(
        "una_render_oldest_pending_age_seconds",
        "Age of the oldest pending render job (0 when none waits).",
        value=age,
    )


def render_durations() -> Iterator[Metric]:
    done = RenderJob.objects.filter(status=RenderJob.Status.DONE, duration_ms__isnull=False)
    counts = done.aggregate(
        total=Count("pk"),
        sum_ms=Sum("duration_ms"),
        **{
            f"le_{i}": Count("pk", filter=Q(duration_ms__lte=bound * 1000))
            for i, bound in enumerate(DURATION_BUCKETS)
        },
    )
    buckets = [(str(b), counts[f"le_{i}"]) for i, b in enumerate(DURATION_BUCKETS)]
    buckets.append(("+Inf", counts["total"]))
    yield HistogramMetricFamily(
        "una_render_duration_seconds",
        "Duration of finished render jobs.",
        buckets=buckets,
        sum_value=(counts["sum_ms"] or 0) / 1000,
    )


def pipeline_counters() -> Iterator[Metric]:
    counters = PipelineCounter.values()

    def value(name: str) -> int:
        counter = counters.get(name)
        return counter.value if counter else 0

    yield CounterMetricFamily(
        "una_render_failures", "Render jobs that failed.", value=value("failures")
    )
    yield CounterMetricFamily(
        "una_sweeper_resends", "Jobs the sweeper sent again.", value=value("resends")
    )
    sweeps = counters.get(PipelineCounter.Name.SWEEPS)
    yield GaugeMetricFamily(
        "una_sweeper_last_run_timestamp_seconds",
        "When beat's sweeper last ran (Unix time; 0 if never).",
        value=sweeps.updated_at.timestamp() if sweeps else 0.0,
    )


def downloads() -> Iterator[Metric]:
    family = CounterMetricFamily(
        "una_pdf_downloads", "PDF download answers by result.", labels=["result"]
    )
    for result, count in download_counts().items():
        family.add_metric([result], count)
    yield family


class SiteCollector(Collector):
    def collect(self) -> Iterator[Metric]:
        yield from render_jobs()
        yield from render_durations()
        yield from pipeline_counters()
        yield from downloads()


def registry() -> CollectorRegistry:
    """A registry of only the site's metrics (no per-process Python metrics)."""
    site = CollectorRegistry(auto_describe=False)
    site.register(SiteCollector())
    return site
