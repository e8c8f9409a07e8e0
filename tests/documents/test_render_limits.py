"""Render limits: oversized print HTML and memory-hungry renders fail with a reason.

The previous PDF version stays the one that is served.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from documents import pipeline
from documents.models import PdfVersion, RenderJob
from documents.rendering.limits import ADDRESS_SPACE_HEADROOM_MB, MIB
from tests.documents.helpers import wait_for
from tests.factories import StandardPageFactory


def table(rows: int) -> dict:
    """Raw StreamField data of a three-column table."""
    return {
        "type": "table",
        "value": {
            "caption": "Sprechzeiten",
            "columns": [
                {"type": "text", "heading": "Ort"},
                {"type": "text", "heading": "Tag"},
                {"type": "numeric", "heading": "Nummer"},
            ],
            "rows": [{"values": ["Finsterwalde", "Dienstag", n]} for n in range(rows)],
        },
    }


def publish(page, **fields) -> RenderJob:
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return RenderJob.objects.filter(page=page).latest("created_at", "pk")


def table_html(rows: int) -> str:
    cells = "".join(f"<tr><td>Zeile {n}</td><td>Herzberg</td></tr>" for n in range(rows))
    return (
        '<!DOCTYPE html><html lang="de"><head><title>Tabelle</title></head>'
        f"<body><h1>Tabelle</h1><table>{cells}</table></body></html>"
    )


@pytest.mark.usefixtures("sent_jobs")
def test_oversized_print_html_fails_the_job_and_keeps_the_previous_version(home_page, client):
    """The reported case: a table of 20,000 rows (minutes and gigabytes in WeasyPrint)."""
    page = StandardPageFactory(parent=home_page, title="Sprechzeiten", offer_pdf=True)
    assert pipeline.run_job(publish(page).pk) == "done"
    etag = client.get(f"/pdf/{page.pk}/")["ETag"]

    job = publish(page, body=[table(20_000)])
    assert pipeline.run_job(job.pk) == "failed"
    job.refresh_from_db()
    assert job.error.startswith("Das Dokument ist zu groß für den PDF-Druck (")
    assert "erlaubt 256 KB" in job.error
    assert list(PdfVersion.objects.filter(page=page).values_list("version", flat=True)) == [1]
    response = client.get(f"/pdf/{page.pk}/")
    assert response.status_code == 200 and response["ETag"] == etag


# In a fresh interpreter: a long test session holds freed memory that a render reuses
# without growing the resident size, so the guard's "40 MiB more" would never be reached.
GUARD_CHECK = """
import signal, django
django.setup()
from django.conf import settings
from documents.rendering import PrintTooLarge
from documents.rendering.limits import resident_mib
from documents.rendering.pdf import html_to_pdf
from tests.documents.test_render_limits import table_html
before = signal.getsignal(signal.SIGUSR2)
settings.DOCUMENTS_RENDER_MEMORY_LIMIT_MB = int(resident_mib()) + 40
try:
    html_to_pdf(table_html(3000), "0" * 64)
    print("not stopped")
except PrintTooLarge as exc:
    print("stopped:", exc)
assert signal.getsignal(signal.SIGUSR2) is before
settings.DOCUMENTS_RENDER_MEMORY_LIMIT_MB = int(resident_mib()) + 200
print("pages:", html_to_pdf(table_html(3), "0" * 64).page_count)
"""


def test_memory_guard_stops_a_render_in_the_main_thread():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", GUARD_CHECK],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.strip().splitlines()
    assert lines[-2].startswith("stopped:") and "mehr Arbeitsspeicher als erlaubt" in lines[-2]
    assert lines[-1] == "pages: 1"


def child_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children]


def address_space_limit(pid: int) -> int | None:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max address space"):
            soft = line.split()[3]
            return None if soft == "unlimited" else int(soft)
    return None


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_worker_child_limits_memory(celery_worker_process, home_page):
    """A real worker: the pool child's address space is capped, a hungry render fails."""
    limit_mb = 320
    worker = celery_worker_process(DOCUMENTS_RENDER_MEMORY_LIMIT_MB=limit_mb)
    children = wait_for(lambda: child_pids(worker.pid), 30, message="no pool child")
    assert address_space_limit(children[0]) == (limit_mb + ADDRESS_SPACE_HEADROOM_MB) * MIB

    page = StandardPageFactory(parent=home_page, title="Sprechzeiten", offer_pdf=True)
    publish(page)
    wait_for(lambda: PdfVersion.objects.filter(page=page).exists(), 90, message="no v1")
    job = publish(page, body=[table(3000)])  # below the size limit, above the memory limit
    wait_for(
        lambda: RenderJob.objects.get(pk=job.pk).status == "failed",
        120,
        message="the hungry render did not fail",
    )
    job.refresh_from_db()
    assert "mehr Arbeitsspeicher als erlaubt (320 MB)" in job.error
    assert list(PdfVersion.objects.filter(page=page).values_list("version", flat=True)) == [1]
