"""Contract tests of pages and images in API v3: the project's fields, renditions, writing."""

import pytest

from tests.api.conftest import bearer
from tests.factories import (
    CustomImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    NewsPageGalleryImageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    page = NewsPageFactory(
        parent=index, title="Netzwerktreffen", date="2012-11-14", place="Herzberg"
    )
    image = CustomImageFactory(
        title="Gruppenfoto",
        credit="Foto: Beispiel Fotografie",
        file__width=800,
        file__height=600,
    )
    NewsPageGalleryImageFactory(page=page, image=image, caption="Die Teilnehmenden")
    return page


def test_news_page_detail_with_gallery_credit_and_rendition(client, news):
    response = client.get(f"/api/v3/pages/{news.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["type"] == "home.NewsPage"
    assert (data["date"], data["place"]) == ("2012-11-14", "Herzberg")
    (photo,) = data["gallery_images"]
    assert photo["effective_credit"] == "Foto: Beispiel Fotografie"
    assert photo["alt"] == "Die Teilnehmenden"
    assert photo["thumbnail"]["width"] == 400
    assert photo["thumbnail"]["url"].endswith(".jpg") or photo["thumbnail"]["url"].endswith(".png")


def test_pages_filter_by_type_and_field(client, news):
    response = client.get("/api/v3/pages/?type=home.NewsPage&place=Herzberg")
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Netzwerktreffen"]


def test_image_detail_has_credit_and_renditions(client, news):
    image = news.gallery_images.get().image
    response = client.get(f"/api/v3/images/{image.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["credit"] == "Foto: Beispiel Fotografie"
    assert data["thumbnail"]["width"] == 400
    assert data["thumbnail"]["height"] == 300
    assert data["medium"]["url"]


def test_writing_a_page_needs_a_token_with_permission(client, home_page, editor_user, plain_user):
    page = StandardPageFactory(parent=home_page, title="Über uns", intro="Alt")
    url = f"/api/v3/pages/{page.pk}/"
    body = {"intro": "Neu"}
    assert client.patch(url, body, content_type="application/json").status_code == 401
    denied = client.patch(url, body, content_type="application/json", **bearer(plain_user))
    assert denied.status_code == 403
    response = client.patch(url, body, content_type="application/json", **bearer(editor_user))
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().intro == "Neu"
    assert page.intro == "Alt"  # saved as a draft, the live page is unchanged


def test_private_page_needs_a_token(client, home_page, plain_user):
    from wagtail.models import PageViewRestriction

    from tests.api.conftest import make_version

    page = StandardPageFactory(parent=home_page, title="Intern: Protokolle", offer_pdf=True)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    make_version(page, 1)
    listing = client.get("/api/v3/pages/?type=home.StandardPage")
    assert "Intern: Protokolle" not in listing.content.decode()
    assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
    assert client.get(f"/api/v3/pdf/pages/{page.pk}/versions/").status_code == 404

    token = bearer(plain_user)
    listing = client.get("/api/v3/pages/?type=home.StandardPage", **token)
    assert [item["title"] for item in listing.json()["items"]] == ["Intern: Protokolle"]
    assert client.get(f"/api/v3/pages/{page.pk}/", **token).status_code == 200
    versions = client.get(f"/api/v3/pdf/pages/{page.pk}/versions/", **token)
    assert versions.json()["count"] == 1
