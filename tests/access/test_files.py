"""Images and documents under Wagtail's collection privacy, decided by documents.access."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.storage import default_storage
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text

from documents.access import PARTNER_STAFF_GROUP, editor_groups
from tests.factories import LeichteSprachePageFactory

pytestmark = pytest.mark.django_db


def test_migration_creates_the_partner_staff_collection(staff_collection):
    assert staff_collection.get_parent() == Collection.get_first_root_node()
    restriction = CollectionViewRestriction.objects.get(collection=staff_collection)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    names = set(restriction.groups.values_list("name", flat=True))
    assert names == {PARTNER_STAFF_GROUP, "Redaktion", "Moderation"}


def test_new_editor_group_is_added_to_the_collection_restriction(staff_collection):
    group = Group.objects.create(name="Koordination")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    restriction = CollectionViewRestriction.objects.get(collection=staff_collection)
    assert group in restriction.groups.all()


def test_renditions_are_stored_by_privacy(files):
    public = files["public_image"].get_rendition("width-40")
    restricted = files["restricted_image"].get_rendition("width-40")
    assert public.file.name.startswith("images/")
    assert restricted.file.name.startswith("restricted_images/")
    assert restricted.url.startswith("/media/restricted_images/")


def test_image_moved_into_the_staff_collection_leaves_the_public_folder(
    client, files, staff_collection
):
    image = files["public_image"]
    old = image.get_rendition("width-40")
    assert client.get(old.url).status_code == 200
    image.collection = staff_collection
    image.save()
    image.refresh_from_db()
    assert not image.renditions.filter(file=old.file.name).exists()
    new = image.get_rendition("width-40")
    assert new.file.name.startswith("restricted_images/")
    assert client.get(new.url).status_code == 404


def test_collection_that_becomes_restricted_moves_its_renditions(
    client, files, django_capture_on_commit_callbacks
):
    image = files["public_image"]
    old = image.get_rendition("width-40")
    with django_capture_on_commit_callbacks(execute=True):
        restriction = CollectionViewRestriction.objects.create(
            collection=image.collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    assert not default_storage.exists(old.file.name)
    assert client.get(old.url).status_code == 404
    assert image.get_rendition("width-40").file.name.startswith("restricted_images/")
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert image.get_rendition("width-40").file.name.startswith("images/")


def test_signed_in_account_without_access_gets_404(client, files, plain_user):
    client.force_login(plain_user)
    image = files["restricted_image"]
    assert client.get(image.get_rendition("width-40").url).status_code == 404
    assert client.get(image.file.url).status_code == 404
    assert client.get(files["restricted_document"].url).status_code == 404
    assert client.get(files["public_document"].url).status_code == 200


def test_documents_are_served_through_the_access_checking_view(settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


# --- the editor is warned --------------------------------------------------------------


@pytest.fixture
def easy_page(home_page):
    return LeichteSprachePageFactory(parent=home_page, title="Leichte Sprache", slug="leicht")


def _publish_in_admin(client, page, video, action="action-publish"):
    """Publish (or, with ``action=""``, save a draft) through the page editor."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "body": rich_text("<p>Ein kurzer Text.</p>"),
            "sign_language_video": video.pk,
            "sign_language_video_description": "Eine Person erklärt die Seite.",
            **({action: "1"} if action else {}),
        }
    )
    return client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)


def _warnings(response) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level_tag == "warning"]


def test_restricted_page_with_a_public_document_warns_the_editor(client, users, files, easy_page):
    restriction = PageViewRestriction.objects.create(
        page=easy_page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(editor_groups())
    client.force_login(users["superuser"])
    response = _publish_in_admin(client, easy_page, files["public_document"])
    assert response.status_code == 200
    easy_page.refresh_from_db()
    assert easy_page.sign_language_video == files["public_document"]
    (warning,) = _warnings(response)
    assert "nicht öffentlich, verwendet aber öffentliche Dateien" in warning
    assert "„Offene Checkliste Schwalbenschwanz“" in warning
    assert "Sammlung „Partner-Mitarbeitende“" in warning

    response = _publish_in_admin(client, easy_page, files["restricted_document"])
    assert _warnings(response) == []
    # Saving a draft warns as well.
    client.force_login(users["editor"])
    response = _publish_in_admin(client, easy_page, files["public_document"], action="")
    assert len(_warnings(response)) == 1


def test_public_page_with_a_restricted_image_warns_the_editor(client, users, files, home_page):
    from tests.factories import StandardPageFactory

    page = StandardPageFactory(parent=home_page, title="Über uns", slug="ueber-uns")
    client.force_login(users["editor"])
    image = files["restricted_image"]
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body-count": 1,
            "body-0-type": "image",
            "body-0-deleted": "",
            "body-0-order": 0,
            "body-0-value-image": image.pk,
            "body-0-value-alt_text": "",
            "body-0-value-caption": "",
            "body-0-value-credit": "",
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)
    (warning,) = _warnings(response)
    assert "öffentlich, verwendet aber Dateien aus einer geschützten Sammlung" in warning
    assert "„Internes Foto Schwalbenschwanz“" in warning


def test_page_without_files_gets_no_warning(client, users, easy_page, files):
    client.force_login(users["editor"])
    response = _publish_in_admin(client, easy_page, files["public_document"])
    assert _warnings(response) == []
