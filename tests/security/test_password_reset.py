"""Password reset is rate-limited per address and per client, on the site and in the admin."""

import pytest
from django.test import Client

from security.password_reset import RATE_LIMIT_MESSAGE

pytestmark = pytest.mark.django_db

SITE = "/konto/passwort-vergessen/"
ADMIN = "/admin/password_reset/"
MESSAGE = str(RATE_LIMIT_MESSAGE)


def ask(client: Client, url: str, email: str):
    return client.post(url, {"email": email})


def statuses(client: Client, url: str, email: str, times: int) -> list[int]:
    return [ask(client, url, email).status_code for _ in range(times)]


@pytest.mark.parametrize("url", [SITE, ADMIN])
def test_reset_mails_to_one_address_are_limited(
    client, admin_access_user, mailoutbox, url, settings
):
    assert settings.PASSWORD_RESET_RATE_PER_ADDRESS == "3/h"
    assert statuses(client, url, admin_access_user.email, 3) == [302, 302, 302]
    assert len(mailoutbox) == 3

    response = ask(client, url, admin_access_user.email)
    assert response.status_code == 429
    assert MESSAGE in response.text
    assert f'value="{admin_access_user.email}"' in response.text, "the address stays in the form"
    assert len(mailoutbox) == 3, "no further mail"


def test_known_and_unknown_addresses_get_the_same_answers(client, admin_access_user, mailoutbox):
    known = statuses(client, SITE, admin_access_user.email, 4)
    unknown = statuses(client, SITE, "niemand@example.org", 4)
    assert known == unknown == [302, 302, 302, 429]
    assert MESSAGE in ask(client, SITE, "niemand@example.org").text


def test_site_and_admin_share_the_limit_and_spelling_does_not_escape_it(
    admin_access_user, mailoutbox
):
    client = Client()
    ask(client, SITE, admin_access_user.email)
    ask(client, ADMIN, admin_access_user.email)
    ask(client, SITE, " " + admin_access_user.email.upper())
    assert ask(client, ADMIN, admin_access_user.email).status_code == 429
    assert len(mailoutbox) == 3


def test_one_client_cannot_spray_resets_at_many_addresses(admin_access_user, mailoutbox, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    sprayer = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    answers = [ask(sprayer, SITE, f"person{n}@example.org").status_code for n in range(10)]
    assert answers == [302] * 10
    assert ask(sprayer, SITE, admin_access_user.email).status_code == 429
    assert mailoutbox == []

    colleague = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert ask(colleague, SITE, admin_access_user.email).status_code == 302
    assert [mail.to for mail in mailoutbox] == [[admin_access_user.email]]
