"""Two-factor login (TOTP) for the Wagtail admin: enrol, verify, enforce."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.fixtures.roles import PASSWORD
from tests.security.conftest import current_code, wrong_code

pytestmark = pytest.mark.django_db

ENROL = "/admin/zwei-faktor/einrichten/"
VERIFY = "/admin/zwei-faktor/bestaetigen/"


@pytest.fixture
def enrolled_editor(admin_access_user):
    TOTPDevice.objects.create(user=admin_access_user, name="Telefon", confirmed=True)
    return admin_access_user


def test_editor_without_device_uses_the_admin_when_not_required(
    client, admin_access_user, settings
):
    settings.WAGTAIL_2FA_REQUIRED = False
    client.force_login(admin_access_user)
    assert client.get("/admin/").status_code == 200


def test_required_two_factor_sends_editors_to_enrolment(client, admin_access_user, settings):
    settings.WAGTAIL_2FA_REQUIRED = True
    client.force_login(admin_access_user)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    target = urlparse(response["Location"])
    assert target.path == ENROL
    assert parse_qs(target.query)["next"] == ["/admin/pages/"]


def test_enrolment_with_a_code_from_the_app(client, admin_access_user, settings):
    settings.WAGTAIL_2FA_REQUIRED = True
    client.force_login(admin_access_user)
    page = client.get(ENROL + "?next=/admin/account/")
    assert page.status_code == 200
    assert 'src="data:image/svg+xml' in page.text
    device = TOTPDevice.objects.get(user=admin_access_user, confirmed=False)
    assert page.context["secret"].replace(" ", "") in device.config_url

    response = client.post(ENROL, {"code": current_code(device), "next": "/admin/account/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/account/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/account/").status_code == 200


def test_enrolment_rejects_a_wrong_code_in_german(client, admin_access_user, settings):
    settings.WAGTAIL_2FA_REQUIRED = True
    client.force_login(admin_access_user)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=admin_access_user)
    response = client.post(ENROL, {"code": wrong_code(device)})
    assert response.status_code == 200
    assert "Der Code passt nicht" in response.text
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302


def test_reloading_the_enrolment_page_keeps_the_secret(client, admin_access_user):
    client.force_login(admin_access_user)
    first = client.get(ENROL).context["secret"]
    second = client.get(ENROL).context["secret"]
    assert first == second
    assert TOTPDevice.objects.filter(user=admin_access_user).count() == 1


def test_password_login_asks_for_the_code_of_an_enrolled_editor(client, enrolled_editor):
    response = client.post(
        "/admin/login/", {"username": "redaktion", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    assert "Anmeldung bestätigen" in response.text
    assert client.get("/admin/account/").status_code == 302

    device = enrolled_editor.totpdevice_set.get()
    response = client.post(VERIFY, {"code": current_code(device), "next": "/admin/account/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/account/"
    assert client.get("/admin/account/").status_code == 200


def test_wrong_code_keeps_the_admin_closed(client, enrolled_editor):
    client.force_login(enrolled_editor)
    device = enrolled_editor.totpdevice_set.get()
    response = client.post(VERIFY, {"code": wrong_code(device)})
    assert response.status_code == 200
    assert "Der Code ist ungültig oder abgelaufen" in response.text
    assert client.get("/admin/").status_code == 302


def test_verification_does_not_redirect_to_other_hosts(client, enrolled_editor):
    client.force_login(enrolled_editor)
    device = enrolled_editor.totpdevice_set.get()
    response = client.post(
        VERIFY, {"code": current_code(device), "next": "https://evil.example/admin/"}
    )
    assert response["Location"] == "/admin/"


def test_verified_editor_can_switch_two_factor_off(client, enrolled_editor, settings):
    settings.WAGTAIL_2FA_REQUIRED = False
    client.force_login(enrolled_editor)
    client.post(VERIFY, {"code": current_code(enrolled_editor.totpdevice_set.get())})
    assert "ist eine Authenticator-App eingerichtet" in client.get(ENROL).text
    response = client.post(ENROL, {"action": "remove"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=enrolled_editor).exists()


def test_unverified_session_cannot_remove_the_device(client, enrolled_editor):
    client.force_login(enrolled_editor)
    response = client.post(ENROL, {"action": "remove"})
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == VERIFY
    assert TOTPDevice.objects.filter(user=enrolled_editor).exists()


def test_account_page_links_to_the_enrolment(client, admin_access_user):
    client.force_login(admin_access_user)
    response = client.get("/admin/account/")
    assert ENROL in response.text


def test_otp_reset_removes_a_lost_phone(enrolled_editor, capsys):
    call_command("otp_reset", "redaktion")
    assert not TOTPDevice.objects.filter(user=enrolled_editor).exists()
    assert "1 Gerät(e)" in capsys.readouterr().out
