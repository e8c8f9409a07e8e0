"""The site's identity: logo, favicon, web manifest, the compact header (placeholder
graphics of the demo: tests/demo/test_images.py)."""

import io
import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

pytestmark = pytest.mark.django_db

STATIC_LINK = re.compile(r'<link rel="(?P<rel>[\w-]+)" href="(?P<href>[^"]+)"')


def _head_links(html: str) -> dict[str, list[str]]:
    links: dict[str, list[str]] = {}
    for match in STATIC_LINK.finditer(html):
        links.setdefault(match["rel"], []).append(match["href"])
    return links


def test_favicon_ico_answers_at_the_site_root(client):
    """Browsers and feed readers ask for /favicon.ico whatever the page links."""
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    with Image.open(io.BytesIO(body)) as icon:
        assert icon.format == "ICO"
        assert {(16, 16), (32, 32)} <= set(icon.info["sizes"])


def test_every_page_links_favicon_touch_icon_and_manifest(client, home_page):
    html = client.get(home_page.url).text
    links = _head_links(html)
    assert "/favicon.ico" in links["icon"]
    assert any(href.endswith(".svg") for href in links["icon"])
    assert links["apple-touch-icon"] and links["manifest"]
    for href in [*links["icon"], *links["apple-touch-icon"], *links["manifest"]]:
        assert client.get(href).status_code == 200, href
    assert '<meta name="theme-color" content="#005a70">' in html


def test_web_manifest_names_the_network_and_its_icons():
    path = finders.find("brand/site.webmanifest")
    manifest = json.loads(Path(path).read_text(encoding="utf-8"))
    assert manifest["short_name"] == "UNA Elbe-Elster"
    assert manifest["lang"] == "de" and manifest["start_url"] == "/"
    sizes = set()
    for icon in manifest["icons"]:
        file = finders.find(f"brand/{icon['src']}")
        assert file, f"manifest icon {icon['src']} is not a static file"
        if icon["type"] == "image/png":
            with Image.open(file) as image:
                assert f"{image.width}x{image.height}" == icon["sizes"]
                sizes.add(image.width)
    assert {192, 512} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])


def test_logo_and_mark_are_own_svgs_without_external_references():
    for name in ("brand/una-mark.svg", "brand/una-logo.svg"):
        svg = Path(finders.find(name)).read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<svg")
        assert "href=" not in svg and "<image" not in svg and "@import" not in svg, name


def test_header_puts_navigation_and_search_behind_a_disclosure(client, home_page, standard_page):
    html = client.get(home_page.url).text
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert 'class="brand"' in header and "brand/una-mark" in header
    assert "UNA Elbe-Elster" in header
    disclosure = header[header.index("<details") : header.index("</details>")]
    assert re.search(r"<summary[^>]*>.*Menü.*</summary>", disclosure, re.S)
    assert 'aria-label="Hauptnavigation"' in disclosure
    assert 'role="search"' in disclosure
    assert "Über das Netzwerk" in disclosure


def test_search_page_has_one_search_form(client, home_page):
    html = client.get("/suche/?q=Netzwerk").text
    assert html.count('role="search"') == 1
