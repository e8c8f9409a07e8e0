"""The date an entry was last known current ("Stand") on the partner page and the cards."""

from datetime import UTC, datetime

import pytest

from partners.models import EntryConfirmation, Partner

pytestmark = pytest.mark.django_db


def stand(html: str) -> list[str]:
    return [part.split("</time>")[0].rsplit(">", 1)[-1] for part in html.split("<time")[1:]]


def test_page_and_cards_show_the_later_of_change_and_confirmation(client, network, directory_page):
    clinic = network["clinic"]
    Partner.objects.filter(pk=clinic.pk).update(
        last_published_at=datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
    )
    detail = f"{directory_page.url}{clinic.slug}/"
    assert "Stand: " in client.get(detail).text
    assert "10.01.2026" in stand(client.get(detail).text)

    EntryConfirmation.objects.create(
        partner=clinic, confirmed_at=datetime(2026, 3, 12, 8, 0, tzinfo=UTC)
    )
    assert stand(client.get(detail).text) == ["12.03.2026"]
    cards = client.get(directory_page.url, {"bereich": "gesundheit"}).text
    assert "12.03.2026" in stand(cards)
