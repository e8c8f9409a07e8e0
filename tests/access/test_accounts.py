"""Site login, logout, password reset, lockout, memberships and the page cache."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import PageViewRestriction

from cms import pagecache
from documents.access import PARTNER_STAFF_GROUP, can_view_page
from partners.models import PartnerMembership
from tests.fixtures.roles import PASSWORD
from tests.fixtures.scenarios import RESTRICTED_TITLE, publish

pytestmark = pytest.mark.django_db
LOGIN = "/konto/anmelden/"


def test_login_page_is_german_and_never_cached(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert '<html lang="de">' in response.text
    assert "Anmelden für Netzwerkpartner" in response.text
    assert '<label for="id_username">Benutzername:</label>' in response.text
    assert "csrfmiddlewaretoken" in response.text
    assert "no-store" in response["Cache-Control"]


def test_wrong_password_gets_a_german_message_and_keeps_the_name(client, users):
    response = client.post(LOGIN, {"username": "staff-a", "password": "falsch"})
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihre Angaben." in response.text
    assert "Groß-/Kleinschreibung" in response.text
    assert 'value="staff-a"' in response.text
    assert "_auth_user_id" not in client.session


def test_login_goes_to_next_and_greets(client, users, handouts):
    page = handouts["restricted"]
    redirect = client.get(page.url)
    assert redirect["Location"] == f"{LOGIN}?next={page.url}"
    assert "nur für Mitarbeitende der Netzwerkpartner" in client.get(redirect["Location"]).text
    response = client.post(
        LOGIN, {"username": "staff-a", "password": PASSWORD, "next": page.url}, follow=True
    )
    assert response.redirect_chain[-1][0] == page.url
    assert "Sie sind angemeldet als staff-a." in response.text
    assert RESTRICTED_TITLE in response.text


def test_login_without_next_opens_the_account_page(client, users):
    response = client.post(LOGIN, {"username": "staff-a", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/konto/"
    assert "Beratungsverein Nord (Test)" in response.text
    assert 'href="/konto/handlungsanleitungen/"' in response.text


def test_login_refuses_a_foreign_next(client, users):
    response = client.post(
        LOGIN, {"username": "staff-a", "password": PASSWORD, "next": "https://example.com/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/konto/"


def test_logout_needs_post_and_says_so(client, users):
    client.force_login(users["staff_a"])
    assert client.get("/konto/abmelden/").status_code == 405
    response = client.post("/konto/abmelden/", follow=True)
    assert response.redirect_chain[-1][0] == LOGIN
    assert "Sie sind abgemeldet." in response.text
    assert "_auth_user_id" not in client.session


def test_password_reset_flow(client, users):
    response = client.post("/konto/passwort-vergessen/", {"email": "staff-a@example.org"})
    assert response["Location"] == "/konto/passwort-vergessen/gesendet/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Neues Passwort für UNA Elbe-Elster"
    assert "staff-a" in message.body
    link = re.search(r"http://testserver(/konto/passwort-neu/\S+/)", message.body).group(1)
    form_url = client.get(link)["Location"]
    form = client.get(form_url)
    assert "Neues Passwort festlegen" in form.text
    new = "Ganz-neues-Passwort-2027"
    done = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert done["Location"] == "/konto/passwort-neu/fertig/"
    assert client.login(username="staff-a", password=new)


def test_password_reset_mismatch_is_explained(client, users):
    client.post("/konto/passwort-vergessen/", {"email": "staff-a@example.org"})
    link = re.search(r"http://testserver(/konto/passwort-neu/\S+/)", mail.outbox[0].body)
    form_url = client.get(link.group(1))["Location"]
    response = client.post(form_url, {"new_password1": "Abc-123-xyz!", "new_password2": "anders"})
    assert response.status_code == 200
    assert "Die beiden Passwörter sind nicht identisch." in response.text


def test_password_reset_for_unknown_address_sends_nothing(client, users):
    response = client.post("/konto/passwort-vergessen/", {"email": "niemand@example.org"})
    assert response["Location"] == "/konto/passwort-vergessen/gesendet/"
    assert mail.outbox == []


def test_invalid_reset_link_is_explained(client, users):
    response = client.get("/konto/passwort-neu/MQ/falsch-123/")
    assert response.status_code == 200
    assert "ungültig oder abgelaufen" in response.text


def test_site_login_is_locked_out_by_axes(client, users, settings):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(LOGIN, {"username": "staff-a", "password": f"x{n}"}).status_code == 200
    locked = client.post(LOGIN, {"username": "staff-a", "password": "x-last"})
    assert locked.status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in locked.text
    correct = client.post(LOGIN, {"username": "staff-a", "password": PASSWORD})
    assert correct.status_code == 429
    assert "_auth_user_id" not in client.session


def test_account_without_partner_sees_a_german_refusal(client, plain_user, handouts):
    client.force_login(plain_user)
    response = client.get("/konto/handlungsanleitungen/")
    assert response.status_code == 403
    assert "keinem Netzwerkpartner zugeordnet" in response.text
    page = handouts["restricted"]
    assert client.get(f"/konto/handlungsanleitungen/{page.pk}/").status_code == 403
    assert client.get(f"/pdf/{page.pk}/").status_code == 404
    redirect = client.get(page.url)
    assert redirect.status_code == 302
    assert "nicht freigeschaltet" in client.get(redirect["Location"]).text


def test_membership_grants_and_removes_the_group(users, partner_a, partner_b):
    user = users["staff_a"]
    assert user.groups.filter(name=PARTNER_STAFF_GROUP).exists()
    second = PartnerMembership.objects.create(user=user, partner=partner_b)
    PartnerMembership.objects.get(user=user, partner=partner_a).delete()
    assert user.groups.filter(name=PARTNER_STAFF_GROUP).exists()
    second.delete()
    assert not user.groups.filter(name=PARTNER_STAFF_GROUP).exists()


def test_restriction_follows_the_live_checkbox(handouts, users):
    page = handouts["restricted"]
    restriction = PageViewRestriction.objects.get(page=page)
    assert set(restriction.groups.values_list("name", flat=True)) >= {
        PARTNER_STAFF_GROUP,
        "Redaktion",
        "Moderation",
    }
    page.only_for_partner_staff = False
    page.save_revision()  # a draft does not lift the restriction
    assert PageViewRestriction.objects.filter(page=page).exists()
    assert not can_view_page(None, page)
    publish(page, only_for_partner_staff=False)
    assert not PageViewRestriction.objects.filter(page=page).exists()
    assert can_view_page(None, page)


def test_new_editor_group_is_added_to_restrictions(handouts, django_user_model):
    from django.contrib.auth.models import Permission

    group = Group.objects.create(name="Redaktion Süd")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("red-sued", password=PASSWORD)
    user.groups.add(group)
    assert can_view_page(user, handouts["restricted"])
    assert PageViewRestriction.objects.filter(page=handouts["restricted"], groups=group).exists()


def test_page_cache_never_serves_or_stores_personal_responses(client, users, handouts, settings):
    settings.PAGE_CACHE_ENABLED = True
    index_url = handouts["index"].url
    pagecache.clear()
    client.get(index_url)  # the first request of a process creates defaults and clears
    first = client.get(index_url)
    assert first.get("X-Page-Cache") == "miss"
    assert RESTRICTED_TITLE not in first.text
    client.force_login(users["staff_a"])
    personal = client.get(index_url)
    assert personal.get("X-Page-Cache") is None
    assert RESTRICTED_TITLE in personal.text
    for url in (handouts["restricted"].url, "/konto/handlungsanleitungen/"):
        assert client.get(url).get("X-Page-Cache") is None
    client.logout()
    again = client.get(index_url)
    assert again.get("X-Page-Cache") == "hit"
    assert RESTRICTED_TITLE not in again.text
    assert client.get(handouts["restricted"].url).status_code == 302


def test_password_change_for_logged_in_staff(client, users):
    client.force_login(users["staff_a"])
    new = "Noch-ein-Passwort-2028"
    response = client.post(
        "/konto/passwort/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/konto/"
    assert "Ihr Passwort wurde geändert." in response.text
    users["staff_a"].refresh_from_db()
    assert users["staff_a"].check_password(new)
    wrong = client.post(
        "/konto/passwort/", {"old_password": "falsch", "new_password1": new, "new_password2": new}
    )
    assert wrong.status_code == 200
    assert "Bitte prüfen Sie Ihre Angaben." in wrong.text
