"""The client's address behind our reverse proxies: the one answer for every limit and log.

Login lockouts (django-axes), rate limits (django-ratelimit: the feedback form, password
reset) and the download audit all key on this function, so a visitor is the same visitor
everywhere, and one person never blocks everyone behind the proxy.

Each of the ``TRUSTED_PROXY_COUNT`` proxies in front of gunicorn appends the address it
saw to X-Forwarded-For, and the last one is REMOTE_ADDR. The client is therefore the entry
``TRUSTED_PROXY_COUNT`` places from the right; anything further left was sent by the client
and may be forged. Parsing (ports, IPv6 brackets, junk entries) is django-ipware's.
"""

from __future__ import annotations

from ipaddress import ip_network

from django.conf import settings
from django.http import HttpRequest
from ipware import get_client_ip

FORWARDED_HEADER = "HTTP_X_FORWARDED_FOR"


def client_ip(request: HttpRequest) -> str | None:
    """The address of the client that sent ``request``; None only without any usable address."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        # ipware counts the proxies listed in the header; the last proxy is REMOTE_ADDR.
        forwarded, _routable = get_client_ip(
            request,
            proxy_count=proxies - 1,
            request_header_order=[FORWARDED_HEADER],
            strict=False,
        )
        if forwarded:
            return forwarded
    direct, _routable = get_client_ip(request, request_header_order=["REMOTE_ADDR"])
    return direct


def rate_limit_key(group: str, request: HttpRequest) -> str:
    """django-ratelimit's key for "per client": the address, IPv6 clients by their /64."""
    address = client_ip(request)
    if address is None:
        return "unknown"
    if ":" in address:
        return str(ip_network(f"{address}/64", strict=False).network_address)
    return address
