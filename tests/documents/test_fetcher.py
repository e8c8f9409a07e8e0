"""WeasyPrint may load the project's static and media files, and nothing else."""

import socket
import threading

import pytest
from weasyprint import HTML

from documents.rendering.fetcher import PRINT_BASE_URL, ProjectFileFetcher, RefusedURL
from documents.rendering.pdf import html_to_pdf


class ConnectionRecorder:
    """A local TCP server that records every connection attempt it receives."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.running = False
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def recorder():
    server = ConnectionRecorder()
    yield server
    server.close()


FORBIDDEN = [
    "file:///etc/passwd",
    "http://127.0.0.1:6379/",
    "http://169.254.169.254/latest/meta-data/",
    "https://example.org/logo.png",
    f"{PRINT_BASE_URL}static/../../../etc/passwd",
    f"{PRINT_BASE_URL}media/../../etc/passwd",
    f"{PRINT_BASE_URL}etc/passwd",
    "https://druck.una.invalid:6379/static/documents/print/print.css",
]


@pytest.mark.parametrize("url", FORBIDDEN)
def test_fetcher_refuses(url):
    with pytest.raises(RefusedURL):
        ProjectFileFetcher(allowed_media=["../../etc/passwd", "etc/passwd"]).fetch(url)


def test_fetcher_serves_static_and_media(settings, media_root):
    css = ProjectFileFetcher().fetch(f"{PRINT_BASE_URL}static/documents/print/print.css")
    assert b"@page" in css.read()
    assert css.content_type == "text/css"
    (media_root / "images").mkdir()
    (media_root / "images" / "foto.txt").write_bytes(b"bild")
    fetcher = ProjectFileFetcher(allowed_media=["images/foto.txt"])
    media = fetcher.fetch(f"{PRINT_BASE_URL}media/images/foto.txt")
    assert media.read() == b"bild"


def test_rendering_opens_no_connection(recorder):
    """Images, stylesheets and attachments pointing anywhere else are never fetched."""
    target = f"http://127.0.0.1:{recorder.port}/"
    html = f"""<!DOCTYPE html><html lang="de"><head><title>Test</title>
    <link rel="stylesheet" href="{target}style.css">
    <link rel="attachment" href="{target}anhang.txt">
    <link rel="stylesheet" href="file:///etc/passwd">
    <style>@import url("{target}import.css"); body {{ background: url("{target}bg.png") }}</style>
    </head><body><h1>Test</h1>
    <img src="{target}bild.png" alt="x"><img src="file:///etc/passwd" alt="y">
    <img src="http://169.254.169.254/latest/meta-data/" alt="z">
    <img src="http://127.0.0.1:6379/" alt="r"></body></html>"""
    result = html_to_pdf(html, "0" * 64)
    assert result.data.startswith(b"%PDF")
    assert recorder.connections == 0
    assert b"root:" not in result.data


def test_document_fetcher_is_used_for_attachments(recorder):
    """write_pdf(attachments=...) resolves through the document's fetcher (CVE-2026-55073)."""
    doc = HTML(
        string="<html lang=de><title>t</title><p>x</p></html>",
        base_url=PRINT_BASE_URL,
        url_fetcher=ProjectFileFetcher(),
    ).render()
    pdf = doc.write_pdf(
        attachments=[f"http://127.0.0.1:{recorder.port}/a.txt", "file:///etc/passwd"]
    )
    assert recorder.connections == 0
    assert b"root:" not in pdf
