"""The checkbox "nur für Partner-Mitarbeitende" and the admin's privacy dialog agree."""

import pytest
from wagtail.models import PageViewRestriction

from accounts.roles import editor_groups, partner_staff_group

pytestmark = pytest.mark.django_db


def set_privacy(client, page, restriction_type, groups=()):
    data = {"restriction_type": restriction_type, "password": ""}
    if groups:
        data["groups"] = [group.pk for group in groups]
    response = client.post(f"/admin/pages/{page.pk}/privacy/", data)
    assert response.status_code == 200
    return response.json()


def restrictions(page):
    return PageViewRestriction.objects.filter(page=page)


def test_dialog_refuses_to_make_a_flagged_handout_public(client, users, handouts):
    page = handouts["restricted"]
    client.force_login(users["superuser"])
    answer = set_privacy(client, page, "none")
    assert answer["step"] == "set_privacy"
    assert "„nur für Partner-Mitarbeitende“" in answer["html"]
    assert "entfernen Sie das Häkchen" in answer["html"]
    assert restrictions(page).count() == 1
    assert page.url not in client.get("/sitemap.xml").content.decode()
    client.logout()
    assert client.get(page.url).status_code == 302


def test_dialog_refuses_other_groups_for_a_flagged_handout(client, users, handouts):
    page = handouts["restricted"]
    client.force_login(users["superuser"])
    answer = set_privacy(client, page, "groups", [partner_staff_group()])
    assert answer["step"] == "set_privacy"
    restriction = restrictions(page).get()
    assert set(restriction.groups.all()) == {partner_staff_group(), *editor_groups()}


def test_dialog_accepts_the_privacy_the_checkbox_gives(client, users, handouts):
    page = handouts["restricted"]
    client.force_login(users["superuser"])
    answer = set_privacy(client, page, "groups", [partner_staff_group(), *editor_groups()])
    assert answer["step"] == "set_privacy_done"
    assert restrictions(page).count() == 1


def test_dialog_still_works_for_pages_without_the_checkbox(client, users, handouts):
    page = handouts["public"]
    client.force_login(users["superuser"])
    assert set_privacy(client, page, "login")["step"] == "set_privacy_done"
    assert restrictions(page).get().restriction_type == "login"
    assert set_privacy(client, page, "none")["step"] == "set_privacy_done"
    assert not restrictions(page).exists()


def test_a_deleted_restriction_row_comes_back_on_commit(
    handouts, django_capture_on_commit_callbacks
):
    page = handouts["restricted"]
    with django_capture_on_commit_callbacks(execute=True):
        restrictions(page).get().delete()
    restriction = restrictions(page).get()
    assert set(restriction.groups.all()) == {partner_staff_group(), *editor_groups()}


def test_deleting_a_flagged_handout_leaves_no_restriction(
    handouts, django_capture_on_commit_callbacks
):
    page = handouts["restricted"]
    page_id = page.pk
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert not PageViewRestriction.objects.filter(page_id=page_id).exists()
