"""What the integration tests read back: versions, PDF text, jobs, settled workers.

The workers themselves come from tests/fixtures/workers.py (through pytest_plugins).
"""

from __future__ import annotations

import io

import pypdf

from documents.models import PdfVersion, RenderJob
from harness import wait_for

__all__ = ["latest_job", "pdf_text", "versions", "wait_for", "wait_until_settled"]


def versions(page) -> list[int]:
    return list(PdfVersion.objects.filter(page=page).values_list("version", flat=True))


def pdf_text(version) -> str:
    with version.file.open("rb") as handle:
        reader = pypdf.PdfReader(io.BytesIO(handle.read()))
    return " ".join(page.extract_text() for page in reader.pages)


def latest_job(page):
    return RenderJob.objects.filter(page=page).order_by("-created_at", "-pk").first()


def wait_until_settled(page, workers, timeout: float = 120) -> None:
    """Every job of ``page`` is closed, the workers received as many render tasks as the
    page has jobs, and the live ones finished all of theirs: no late store is coming."""

    def settled() -> bool:
        jobs = RenderJob.objects.filter(page=page)
        if jobs.filter(status__in=[RenderJob.Status.PENDING, RenderJob.Status.RUNNING]).exists():
            return False
        received = sum(worker.render_tasks()[0] for worker in workers)
        live = [worker.render_tasks() for worker in workers if worker.alive()]
        return received >= jobs.count() and all(rec == end for rec, end in live)

    wait_for(settled, timeout, 0.5, message="render jobs did not settle")
