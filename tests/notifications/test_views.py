"""The choice at /konto/benachrichtigungen/, the unsubscribe link, the ledger in the admin."""

import pytest
from django.test import Client

from notifications import delivery
from notifications.models import HandoutChange, Mail, NotificationPreference
from notifications.tokens import make_token, unsubscribe_url

pytestmark = pytest.mark.django_db

PREFERENCES = "/konto/benachrichtigungen/"


def test_partner_staff_see_their_defaults_and_save_choices(client, staff, field, other_field):
    client.force_login(staff["anna"])
    page = client.get(PREFERENCES)
    assert page.status_code == 200
    text = page.text
    assert "Arbeit (Test)" in text and "Wohnen (Test)" in text
    radio = f'value="immediate" required id="id_field-{field.pk}_0" checked'
    assert radio in text
    assert "wöchentliche Übersicht" in text
    response = client.post(
        PREFERENCES, {f"field-{field.pk}": "weekly", f"field-{other_field.pk}": "none"}
    )
    assert response.status_code == 302
    chosen = dict(
        NotificationPreference.objects.filter(user=staff["anna"]).values_list(
            "policy_field", "frequency"
        )
    )
    assert chosen == {field.pk: "weekly"}, "an unchanged default stays a default"
    client.post(PREFERENCES, {f"field-{field.pk}": "weekly", f"field-{other_field.pk}": "weekly"})
    assert NotificationPreference.objects.filter(user=staff["anna"]).count() == 2


def test_the_account_page_links_to_the_choice(client, staff):
    client.force_login(staff["anna"])
    assert f'href="{PREFERENCES}"' in client.get("/konto/").text


def test_accounts_without_role_get_no_choice(client, plain_user, field):
    client.force_login(plain_user)
    response = client.get(PREFERENCES)
    assert response.status_code == 403 and "Kein Zugang" in response.text


def test_the_choice_needs_a_login(client, field):
    response = client.get(PREFERENCES)
    assert response.status_code == 302 and "/konto/anmelden/" in response["Location"]


def path_of(user, fields) -> str:
    return unsubscribe_url(user.pk, [f.pk for f in fields]).removeprefix("http://testserver")


def test_unsubscribe_confirms_on_get_and_acts_on_post_without_login(staff, field):
    browser = Client(enforce_csrf_checks=True)
    url = path_of(staff["anna"], [field])
    page = browser.get(url)
    assert page.status_code == 200
    assert "Arbeit (Test)" in page.text and "Abbestellen" in page.text
    assert not NotificationPreference.objects.exists(), "GET changes nothing"
    done = browser.post(url)
    assert done.status_code == 200 and "Abbestellt" in done.text
    assert NotificationPreference.objects.get(user=staff["anna"], policy_field=field).frequency == (
        "none"
    )


def test_one_click_unsubscribe_as_mail_clients_send_it(staff, field, handout, change_to):
    change_to(handout, "Fragen Sie nach der Kinderbetreuung.")
    delivery.announce(HandoutChange.objects.get().pk)
    assert NotificationPreference.objects.count() == 0
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(
        path_of(staff["ben"], [field]),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    mail = Mail.objects.get(user=staff["ben"])
    assert delivery.deliver(mail.pk) == "dropped", "nothing goes out after unsubscribing"


def test_a_forged_or_broken_token_is_refused(staff, field, client):
    token = make_token(staff["anna"].pk, [field.pk])
    rest = token.split(":", 1)[1]
    forged = make_token(staff["ben"].pk, [field.pk]).split(":", 1)[0] + ":" + rest
    for bad in (forged, "kaputt", token[:-2]):
        response = client.post(f"/konto/benachrichtigungen/abbestellen/{bad}/")
        assert response.status_code == 404
        assert "Dieser Link ist ungültig" in response.text
    assert not NotificationPreference.objects.exists()


def test_editors_read_the_mail_ledger_and_cannot_change_it(
    client, editor_user, staff, handout, change_to
):
    change_to(handout, "Fragen Sie nach der Kinderbetreuung.")
    delivery.announce(HandoutChange.objects.get().pk)
    mail = Mail.objects.filter(user=staff["anna"]).get()
    Mail.objects.filter(pk=mail.pk).update(last_error="SMTPServerDisconnected: weg")
    client.force_login(editor_user)
    listing = client.get("/admin/notifications/mail/")
    assert listing.status_code == 200
    assert "anna" in listing.text
    detail = client.get(f"/admin/notifications/mail/inspect/{mail.pk}/")
    assert "SMTPServerDisconnected: weg" in detail.text
    assert "Bewerbung mit Kind (v2)" in detail.text
    assert client.get("/admin/notifications/mail/create/").status_code in (302, 403)
    assert client.get(f"/admin/notifications/mail/edit/{mail.pk}/").status_code in (302, 403)
    assert client.get("/admin/notifications/handoutchange/").status_code == 200


def test_the_choice_refuses_a_post_without_csrf_token(staff, field):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff["anna"])
    response = browser.post(PREFERENCES, {f"field-{field.pk}": "none"})
    assert response.status_code == 403
    assert not NotificationPreference.objects.exists()


def test_editors_may_choose_too(client, editor_user, field):
    client.force_login(editor_user)
    radio = f'value="none" required id="id_field-{field.pk}_2" checked'
    assert radio in client.get(PREFERENCES).text
