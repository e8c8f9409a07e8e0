"""The demo's handout guidelines: published once, through the normal publish path."""

import pytest
from django.contrib.auth.models import Group

from accounts.roles import PARTNER_STAFF_GROUP
from demo import handouts, network, synthetic
from demo.publish import Changes
from documents.models import HandoutPage, RenderJob

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("sent_jobs")
def test_demo_is_idempotent(home_page, django_capture_on_commit_callbacks):
    network.load(Changes())
    handouts.load(Changes())
    assert HandoutPage.objects.live().count() == 3
    assert HandoutPage.objects.filter(only_for_partner_staff=True).exists()
    assert Group.objects.filter(name=PARTNER_STAFF_GROUP).exists()
    handout = HandoutPage.objects.get(slug="erstansprache-bei-suchtproblemen")
    assert len(handout.contacts) >= 1
    jobs = RenderJob.objects.count()
    assert jobs == 3  # the normal publish path enqueued one job per handout
    changes = Changes()
    handouts.load(changes)
    assert (changes["neu"], changes["geändert"]) == (0, 0)
    assert HandoutPage.objects.count() == 3 and RenderJob.objects.count() == jobs


@pytest.mark.usefixtures("sent_jobs")
def test_synthetic_handouts(home_page):
    synthetic.load_handouts(2, Changes())
    synthetic.load_handouts(2, Changes())
    titles = sorted(HandoutPage.objects.values_list("title", flat=True))
    assert titles == [
        "Beispiel-Handlungsanleitung 001 (Testdaten)",
        "Beispiel-Handlungsanleitung 002 (Testdaten)",
    ]
