"""No "next" parameter sends an editor's browser to another site."""

import pytest

from documents.models import RenderJob
from tests.factories import HandoutIndexPageFactory, HandoutPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def handout(home_page, sent_jobs):
    page = HandoutPageFactory(parent=HandoutIndexPageFactory(parent=home_page))
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/anmelden/",
        "//evil.example/anmelden/",
        "/\\evil.example/",
        "javascript:alert(1)",
        "http://testserver/admin/",  # the site's host, but the admin runs on https only here
    ],
)
def test_rerender_never_redirects_off_site(admin_client, handout, target):
    response = admin_client.post(
        f"/admin/pdf/{handout.pk}/neu-erzeugen/", {"next": target}, secure=True
    )
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{handout.pk}/edit/"
    assert RenderJob.objects.filter(page=handout, reason="manual").exists()


def test_rerender_returns_to_an_admin_page(admin_client, handout):
    target = f"/admin/pages/{handout.get_parent().pk}/"
    response = admin_client.post(f"/admin/pdf/{handout.pk}/neu-erzeugen/", {"next": target})
    assert response["Location"] == target
