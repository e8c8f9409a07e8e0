"""One client address behind the trusted proxies, for lockouts, rate limits and the audit."""

import pytest
from django.test import Client

from security.client_ip import client_ip, rate_limit_key
from tests.fixtures.roles import PASSWORD


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "198.51.100.1", "10.0.0.2"),
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        (2, "198.51.100.1, 10.0.0.9", "198.51.100.1"),
        (1, "", "10.0.0.2"),
        # Junk, ports and IPv6 brackets are parsed, never passed on as an "address".
        (1, "kein-ip", "10.0.0.2"),
        (1, "x, 198.51.100.1:8080", "198.51.100.1"),
        (1, "6.6.6.6, [2001:db8::1]:443", "2001:db8::1"),
        (2, "kein-ip, 10.0.0.9", "10.0.0.2"),
    ],
)
def test_client_address_trusts_only_the_own_proxies(rf, settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_rate_limit_key_groups_an_ipv6_client_by_its_network(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    first = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="2001:db8:1:2::a")
    second = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="2001:db8:1:2::b")
    assert rate_limit_key("g", first) == rate_limit_key("g", second) == "2001:db8:1:2::"
    assert rate_limit_key("g", rf.get("/", REMOTE_ADDR="")) == "unknown"


def test_every_user_of_the_address_asks_the_one_function(settings):
    assert settings.AXES_CLIENT_IP_CALLABLE == "security.client_ip.client_ip"


@pytest.mark.django_db
def test_a_forged_forwarded_header_neither_breaks_the_login_nor_escapes_the_lockout(
    admin_access_user, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    junk = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="kein-ip")
    response = junk.post("/admin/login/", {"username": "redaktion", "password": "falsch"})
    assert response.status_code == 200

    def attacker(forged: str) -> Client:
        return Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"{forged}, 203.0.113.7")

    for n in range(settings.AXES_FAILURE_LIMIT):
        attacker(f"192.0.2.{n}").post(
            "/admin/login/", {"username": "redaktion", "password": f"falsch-{n}"}
        )
    locked = attacker("192.0.2.99").post(
        "/admin/login/", {"username": "redaktion", "password": PASSWORD}
    )
    assert locked.status_code == 429
    office = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert (
        office.post("/admin/login/", {"username": "redaktion", "password": PASSWORD}).status_code
        == 302
    )
