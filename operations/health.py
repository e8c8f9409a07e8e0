"""Liveness checks of /health/ beyond the database, cache and storage: beat and the workers.

Beat is alive when its sweeper ran recently (the sweep counts its runs in the database).
A worker is alive when one answers a Celery ping, or finished a job recently: a worker
busy with a long render may miss a short ping, but then it is working.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from celery import current_app
from django.conf import settings
from django.utils import timezone
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable

from documents.models import PipelineCounter, RenderJob


@dataclasses.dataclass(repr=False)
class Beat(HealthCheck):
    """The sweeper, run by beat every DOCUMENTS_SWEEP_SECONDS, ran within the allowed age."""

    def __repr__(self) -> str:  # the check's name in the /health/ report
        return "Beat"

    def run(self) -> None:
        max_age = timedelta(seconds=settings.HEALTH_BEAT_MAX_AGE_SECONDS)
        sweeps = PipelineCounter.objects.filter(name=PipelineCounter.Name.SWEEPS).first()
        if sweeps is None:
            raise ServiceUnavailable("beat: the sweeper has never run")
        if timezone.now() - sweeps.updated_at > max_age:
            raise ServiceUnavailable(f"beat: no sweep for more than {max_age.seconds} s")


@dataclasses.dataclass(repr=False)
class Worker(HealthCheck):
    """A worker answered a ping, or finished a job within HEALTH_WORKER_RECENT_SECONDS."""

    def __repr__(self) -> str:
        return "Worker"

    def run(self) -> None:
        recent = timezone.now() - timedelta(seconds=settings.HEALTH_WORKER_RECENT_SECONDS)
        if RenderJob.objects.filter(finished_at__gte=recent).exists():
            return
        try:
            answers = current_app.control.ping(timeout=settings.HEALTH_WORKER_PING_SECONDS, limit=1)
        except OSError as exc:
            raise ServiceUnavailable("worker: the broker is unreachable") from exc
        if not answers:
            raise ServiceUnavailable("worker: no worker answered a ping")
