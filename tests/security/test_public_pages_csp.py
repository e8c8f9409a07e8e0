"""Every public demo page works under the strict policy: nothing inline, nothing foreign.

A template that adds an inline script or style (without the request's nonce) or loads
something from another host would be blocked by browsers; this finds it before they do.
"""

import re
from io import StringIO
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from wagtail.models import Page

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>"
)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=\"|\son[a-z]+=\"", re.IGNORECASE)
RESOURCE_URL = re.compile(
    r"<(?:script|img|link|iframe|source|video|audio|object|embed)\b[^>]*?\s(?:src|href|srcset)=\"([^\"]+)\"",
    re.IGNORECASE,
)


def foreign_resources(html: str) -> list[str]:
    found = []
    for url in RESOURCE_URL.findall(html):
        for candidate in url.split(","):
            host = urlparse(candidate.strip().split(" ")[0]).netloc
            if host and host not in ("testserver", "localhost"):
                found.append(candidate.strip())
    return found


@pytest.fixture
def demo_pages(home_page):
    call_command("load_demo", stdout=StringIO())
    return [page for page in Page.objects.live().filter(depth__gt=1).specific() if page.url]


def test_demo_pages_need_no_inline_code_and_no_other_host(client, demo_pages):
    checked = 0
    problems = []
    for page in demo_pages:
        response = client.get(page.url)
        if response.status_code != 200:
            continue
        checked += 1
        html = response.text
        nonce = None
        for part in response["Content-Security-Policy"].split(";"):
            if part.strip().startswith("script-src"):
                nonce = re.search(r"'nonce-([^']+)'", part)
        for tag in INLINE_SCRIPT.findall(html):
            if not (nonce and f'nonce="{nonce.group(1)}"' in tag):
                problems.append(f"{page.url}: inline script without nonce: {tag}")
        problems += [f"{page.url}: inline style/handler: {m}" for m in INLINE_STYLE.findall(html)]
        problems += [f"{page.url}: loads {url}" for url in foreign_resources(html)]
    assert checked >= 5, "the demo site has public pages"
    assert problems == []


def test_the_detectors_find_what_browsers_would_block():
    assert INLINE_SCRIPT.findall("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.findall('<script src="/static/site.js"></script>')
    assert not INLINE_SCRIPT.findall('<script type="application/ld+json">{}</script>')
    assert INLINE_STYLE.findall('<p style="color:red">')
    assert INLINE_STYLE.findall('<img src="/a.png" onerror="x()">')
    assert foreign_resources('<img src="https://img.youtube.com/vi/x/0.jpg">')
    assert foreign_resources('<link rel="stylesheet" href="//fonts.googleapis.com/css">')
    assert not foreign_resources('<img src="/media/images/a.png" srcset="/a.png 1x, /b.png 2x">')
