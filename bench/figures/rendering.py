"""Figures of the render pipeline: overhead, worker scaling, dedupe, mass re-render."""

from __future__ import annotations

import time

from bench import content
from bench.figures.base import (
    Figure,
    Http,
    RawRender,
    ensure_workers,
    figure,
    job_phases,
    last_pks,
    median_ms,
    rerender_all,
    wait_idle,
    wait_versions,
    warm_workers,
    worker_weasyprint_ms,
)
from bench.harness import BenchError, Stack, log

# --- 1. pipeline overhead -----------------------------------------------------------------


def measure_publishes(stack: Stack) -> dict:
    """Publish the reference handout repeatedly; per run: Wagtail's publish(), from its
    commit to the PDF downloadable over HTTP, and the raw WeasyPrint render of the same
    revision taken right after. Measured once per run, shared by the two figures below."""
    if "publishes" in stack.memo:
        return stack.memo["publishes"]
    ensure_workers(stack, 1)
    page = content.reference_handout(stack)
    wait_idle(stack)
    from documents.pipeline import latest_version

    client = Http(stack.base_url)
    totals, after_commit, publishes, downloads = [], [], [], []
    first_job = last_pks()[1]
    raw = RawRender(page)
    worker_weasyprint_ms(stack)
    for run in range(stack.sizes.overhead_runs + 1):
        after = last_pks()
        page.summary = f"Referenzdokument für die Leistungsmessung, Fassung {run}."
        revision = page.save_revision()  # the editor's draft; publishing starts the clock
        started = time.perf_counter()
        revision.publish()  # returns once its transaction committed
        committed = time.perf_counter()
        wait_versions(stack, [page.pk], after, "the reference PDF")
        sha = latest_version(page).sha256
        stored = time.perf_counter()
        status, headers, body = client.get(f"/pdf/{page.pk}/")
        done = time.perf_counter()
        if status != 200 or headers.get("etag", "").strip('"') != sha or not body:
            raise BenchError(f"/pdf/{page.pk}/ answered {status} without the new version")
        if run:  # the first run warms the worker
            totals.append(done - started)
            after_commit.append(done - committed)
            publishes.append(committed - started)
            downloads.append(done - stored)
            raw.sample()
    baseline = median_ms(raw.samples)
    log(
        f"pipeline: publish -> PDF {median_ms(totals):.0f} ms, commit -> PDF "
        f"{median_ms(after_commit):.0f} ms over {len(totals)}; WeasyPrint {baseline:.0f} ms"
    )
    log(
        f"pipeline phases: publish() {median_ms(publishes):.0f} ms, "
        f"download {median_ms(downloads):.0f} ms; {job_phases(first_job)}; "
        f"WeasyPrint inside the worker {worker_weasyprint_ms(stack)}"
    )
    stack.memo["publishes"] = {
        "total": median_ms(totals),
        "after_commit": median_ms(after_commit),
        "baseline": baseline,
    }
    return stack.memo["publishes"]


@figure
def pipeline_overhead(stack: Stack) -> Figure:
    """Commit of the publish -> PDF downloadable over HTTP, against WeasyPrint alone."""
    measured = measure_publishes(stack)
    value, baseline = measured["after_commit"], measured["baseline"]
    ratio = value / baseline
    return Figure("pipeline_overhead", value, "ms", baseline, ratio, "<= 1.10", ratio <= 1.10)


@figure
def publish_to_pdf(stack: Stack) -> Figure:
    """Start of Wagtail's publish -> PDF downloadable over HTTP, against WeasyPrint alone."""
    measured = measure_publishes(stack)
    value, baseline = measured["total"], measured["baseline"]
    ratio = value / baseline
    return Figure("publish_to_pdf", value, "ms", baseline, ratio, "<= 1.35", ratio <= 1.35)


# --- 2. worker scaling --------------------------------------------------------------------


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
        elapsed = rerender_all(stack, pages, data["scale"], f"{workers}{time.time_ns() % 10**6}")
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
    elapsed = rerender_all(stack, pages, data["mass"], f"1{time.time_ns() % 10**6}")
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
