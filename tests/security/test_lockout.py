"""Brute-force protection (django-axes) on the admin login and every Django login form."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client

from tests.fixtures.roles import PASSWORD

LOGIN = "/admin/login/"


def login(client: Client, password: str, username: str = "redaktion"):
    return client.post(LOGIN, {"username": username, "password": password})


def fail_until_locked(client: Client, limit: int):
    responses = [login(client, f"falsch-{n}") for n in range(limit)]
    return responses[:-1], responses[-1]


@pytest.mark.django_db
def test_wrong_passwords_lock_the_login_after_the_limit(client, admin_access_user, settings):
    before, last = fail_until_locked(client, settings.AXES_FAILURE_LIMIT)
    assert [r.status_code for r in before] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert last.status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in last.text
    assert "30 Minuten" in last.text
    assert last["Retry-After"] == str(30 * 60)
    assert last["Content-Security-Policy"]


@pytest.mark.django_db
def test_correct_password_is_refused_while_locked(client, admin_access_user, settings):
    fail_until_locked(client, settings.AXES_FAILURE_LIMIT)
    response = login(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_lockout_is_per_account_and_client(admin_access_user, settings):
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    fail_until_locked(attacker, settings.AXES_FAILURE_LIMIT)
    office = Client(REMOTE_ADDR="198.51.100.20")
    response = office.post(LOGIN, {"username": "redaktion", "password": PASSWORD})
    assert response.status_code == 302
    assert office.session["_auth_user_id"] == str(admin_access_user.pk)


@pytest.mark.django_db
def test_axes_reset_lifts_the_lock(client, admin_access_user, settings):
    fail_until_locked(client, settings.AXES_FAILURE_LIMIT)
    assert AccessAttempt.objects.filter(username="redaktion").exists()
    call_command("axes_reset")
    assert not AccessAttempt.objects.exists()
    response = login(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin_access_user.pk)


@pytest.mark.django_db
def test_successful_login_resets_the_failure_count(client, admin_access_user, settings):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, f"falsch-{n}")
    assert login(client, PASSWORD).status_code == 302
    client.logout()
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, f"nochmal-falsch-{n}").status_code == 200


def test_authentication_backends_start_with_axes(settings):
    assert settings.AUTHENTICATION_BACKENDS[0] == "cms.security.backends.LockoutBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


@pytest.mark.django_db
def test_every_login_form_is_covered_because_axes_guards_authenticate(
    rf, admin_access_user, settings
):
    """The partner staff login on the public site calls authenticate() like the admin does."""
    from django.contrib.auth import authenticate

    def attempt(password: str):
        request = rf.post("/konto/anmelden/", REMOTE_ADDR="192.0.2.5")
        user = authenticate(request=request, username="redaktion", password=password)
        return user, request

    for n in range(settings.AXES_FAILURE_LIMIT):
        user, request = attempt(f"falsch-{n}")
        assert user is None
    user, request = attempt(PASSWORD)
    assert user is None
    assert request.axes_locked_out is True


@pytest.mark.django_db
def test_logins_without_a_request_still_work(client, admin_access_user):
    """The test client's login() and code without a request are not broken by the lockout."""
    from django.contrib.auth import authenticate

    assert authenticate(username="redaktion", password=PASSWORD) == admin_access_user
    assert authenticate(username="redaktion", password="falsch") is None
    assert client.login(username="redaktion", password=PASSWORD)


@pytest.mark.django_db
def test_superuser_lifts_a_lock_in_the_admin(admin_access_user, admin_client, settings):
    fail_until_locked(Client(), settings.AXES_FAILURE_LIMIT)
    attempt = AccessAttempt.objects.get(username="redaktion")

    listing = admin_client.get("/admin/anmeldesperren/")
    assert listing.status_code == 200
    assert "redaktion" in listing.text
    assert admin_client.get("/admin/anmeldesperren/create/").status_code in (302, 403)

    response = admin_client.post(f"/admin/anmeldesperren/delete/{attempt.pk}/")
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert login(Client(), PASSWORD).status_code == 302


@pytest.mark.django_db
def test_editors_do_not_see_the_locks(client, admin_access_user):
    client.force_login(admin_access_user)
    assert client.get("/admin/anmeldesperren/").status_code in (302, 403)


@pytest.mark.django_db
def test_site_login_locks_like_the_admin_login(client, admin_access_user, settings, home_page):
    """The partner staff login on the public site (LOGIN_URL) is guarded the same way."""
    site_login = settings.LOGIN_URL
    responses = [
        client.post(site_login, {"username": "redaktion", "password": f"falsch-{n}"})
        for n in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert responses[0].status_code == 200
    assert responses[-1].status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in responses[-1].text
    locked = client.post(site_login, {"username": "redaktion", "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
