"""/metrics: Prometheus text behind a bearer token, numbers from the ledger and counters."""

from datetime import timedelta

import pytest
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from documents import pipeline
from documents.models import PipelineCounter, RenderJob
from tests.factories import HandoutIndexPageFactory, HandoutPageFactory, PdfVersionFactory

pytestmark = pytest.mark.django_db

TOKEN = "s3cr3t-metrics-token"


@pytest.fixture
def metrics_token(settings):
    settings.METRICS_TOKEN = TOKEN
    return {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}


def scrape(client, headers) -> dict:
    response = client.get("/metrics", **headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    samples = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


@pytest.mark.parametrize(
    ("configured", "header"),
    [
        ("", {}),
        ("", {"HTTP_AUTHORIZATION": "Bearer "}),
        (TOKEN, {}),
        (TOKEN, {"HTTP_AUTHORIZATION": "Bearer falsch"}),
        (TOKEN, {"HTTP_AUTHORIZATION": TOKEN}),
    ],
)
def test_metrics_are_404_without_the_right_token(client, settings, configured, header):
    settings.METRICS_TOKEN = configured
    assert client.get("/metrics", **header).status_code == 404


@pytest.fixture
def page(home_page):
    return HandoutPageFactory(parent=HandoutIndexPageFactory(parent=home_page))


def test_jobs_ages_durations_and_counters(client, metrics_token, page, sent_jobs):
    old = RenderJob.objects.create(page=page)
    RenderJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(minutes=7))
    RenderJob.objects.create(page=page)
    for duration in (300, 1500, 45_000):
        RenderJob.objects.create(page=page, status=RenderJob.Status.DONE, duration_ms=duration)
    RenderJob.objects.create(page=page, status=RenderJob.Status.FAILED)
    PipelineCounter.add(PipelineCounter.Name.FAILURES, 3)
    pipeline.sweep()  # resends the old pending job

    samples = scrape(client, metrics_token)
    assert samples[("una_render_jobs", (("status", "pending"),))] == 2
    assert samples[("una_render_jobs", (("status", "done"),))] == 3
    assert samples[("una_render_jobs", (("status", "failed"),))] == 1
    assert 7 * 60 <= samples[("una_render_oldest_pending_age_seconds", ())] < 8 * 60
    assert samples[("una_render_duration_seconds_bucket", (("le", "0.5"),))] == 1
    assert samples[("una_render_duration_seconds_bucket", (("le", "2.0"),))] == 2
    assert samples[("una_render_duration_seconds_bucket", (("le", "30.0"),))] == 2
    assert samples[("una_render_duration_seconds_bucket", (("le", "+Inf"),))] == 3
    assert samples[("una_render_duration_seconds_sum", ())] == pytest.approx(46.8)
    assert samples[("una_render_failures_total", ())] == 3
    assert samples[("una_sweeper_resends_total", ())] == 1 == len(sent_jobs)
    assert samples[("una_sweeper_last_run_timestamp_seconds", ())] == pytest.approx(
        timezone.now().timestamp(), abs=60
    )


def test_pdf_downloads_are_counted_by_result(client, metrics_token, page):
    version = PdfVersionFactory(page=page)
    before = scrape(client, metrics_token)

    def downloads(samples, result):
        return samples.get(("una_pdf_downloads_total", (("result", result),)), 0)

    first = client.get(f"/pdf/{page.pk}/v{version.version}/")
    assert first.status_code == 200
    again = client.get(f"/pdf/{page.pk}/v{version.version}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert client.get(f"/pdf/{page.pk}/v99/").status_code == 404
    assert client.get(f"/pdf/{page.pk}/v99/").status_code == 404

    after = scrape(client, metrics_token)
    assert downloads(after, "200") - downloads(before, "200") == 1
    assert downloads(after, "304") - downloads(before, "304") == 1
    assert downloads(after, "404") - downloads(before, "404") == 2
