"""A Veröffentlichungstermin takes effect through the running beat and worker, PDF included.

Real PostgreSQL, Redis, a Celery worker with beat; nobody runs a command by hand.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from documents.models import PdfVersion
from tests.documents.helpers import wait_for
from tests.factories import HandoutPageFactory, handout_body

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.integration]


def test_a_handout_scheduled_seconds_ahead_goes_live_with_its_pdf(
    celery_worker_process, handout_index, tmp_path
):
    page = HandoutPageFactory(
        parent=handout_index, title="Termin vereinbaren", body=handout_body("Rufen Sie an.")
    )
    page.unpublish()
    page.go_live_at = timezone.now() + timedelta(seconds=3)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live

    worker = celery_worker_process(
        "--beat", "--schedule", str(tmp_path / "beat"), PUBLISH_SCHEDULED_SECONDS=1
    )
    wait_for(lambda: page.refresh_from_db() or page.live, 90, message=f"not live:\n{worker.tail()}")
    assert timezone.now() >= page.go_live_at
    version = wait_for(lambda: PdfVersion.objects.filter(page=page).first(), 120, message="no PDF")
    assert version.revision_id == page.live_revision_id
