"""What may end up inside a PDF: the page's own images, no attached files.

The attack: an editor (or an API client with edit rights) types raw HTML into
a plain text field or stores it in rich text, pointing at another page's
restricted PDF or at an image the page does not use. None of it may reach
the PDF.
"""

import io
import secrets

import pikepdf
import pypdf
import pytest

from documents import pipeline
from documents.models import PdfVersion, RenderJob
from documents.rendering import build_print_html, render_revision
from documents.rendering.fetcher import PRINT_BASE_URL, ProjectFileFetcher, RefusedURL
from tests.factories import CustomImageFactory, StandardPageFactory


def run_latest_job(page) -> str:
    return pipeline.run_job(RenderJob.objects.filter(page=page).latest("created_at", "pk").pk)


def embedded_files(data: bytes) -> list[str]:
    """Names in the PDF's EmbeddedFiles tree plus every file attachment annotation."""
    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        names = pdf.Root.get("/Names")
        tree = names.get("/EmbeddedFiles") if names is not None else None
        if tree is not None:
            found += [str(name) for name in tree.get("/Names", [])[::2]]
        for page in pdf.pages:
            for annot in page.obj.get("/Annots", []):
                if annot.get("/Subtype") == "/FileAttachment":
                    found.append(str(annot.get("/FS", {}).get("/F", "?")))
    return found


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def image_count(data: bytes) -> int:
    """Image XObjects in the PDF, without the alpha masks that belong to them."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        images = [
            obj
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"
        ]
        masks = {img.get("/SMask").objgen for img in images if img.get("/SMask") is not None}
        return sum(1 for img in images if img.objgen not in masks)


@pytest.fixture
def restricted_pdf(make_handout) -> PdfVersion:
    """A stored PDF of a handout only partner staff may read."""
    page = make_handout("Interne Anleitung", only_for_partner_staff=True)
    assert run_latest_job(page) == "done"
    return pipeline.latest_version(page)


def new_image(**kwargs):
    """An image with unique pixels: Wagtail caches renditions by file hash across test runs."""
    color = tuple(secrets.randbelow(256) for _ in range(3))
    return CustomImageFactory(file__color=color, **kwargs)


@pytest.fixture
def unused_image(db):
    """An image in the library that the attacking page does not reference."""
    return new_image(title="Nicht verwendet", credit="Foto: Intern")


@pytest.fixture
def page_image(db):
    return new_image(title="Netzwerktreffen", credit="Foto: Beispielfotografin")


def public_page(home_page, *, intro="Kurz gesagt.", body=()):
    page = StandardPageFactory(parent=home_page, intro=intro, body=list(body), offer_pdf=True)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_raw_html_in_intro_reaches_the_pdf_as_text(home_page, restricted_pdf, unused_image):
    """The attack as reported: a plain text field with a link to another page's PDF."""
    intro = (
        f'<link rel="attachment" href="/media/{restricted_pdf.file.name}">'
        f'<img src="/media/{unused_image.file.name}" alt="x">'
    )
    page = public_page(home_page, intro=intro)
    html = build_print_html(page.live_revision).html
    assert '<link rel="attachment"' not in html
    assert "&lt;link rel=&quot;attachment&quot;" in html
    rendered = render_revision(page.live_revision)
    assert embedded_files(rendered.data) == []
    assert image_count(rendered.data) == 0


def test_rich_text_cannot_attach_files_or_load_unreferenced_images(
    home_page, restricted_pdf, unused_image, page_image
):
    """Rich text keeps its HTML, so here the fetcher's allow-list is what refuses."""
    raw = (
        f'<p><a rel="attachment" href="/media/{restricted_pdf.file.name}">Anhang</a> '
        f'<img src="/media/{unused_image.file.name}" alt="fremdes Bild"></p>'
        f'<link rel="attachment" href="/media/{unused_image.file.name}">'
    )
    page = public_page(
        home_page,
        body=[
            {"type": "paragraph", "value": raw},
            {"type": "image", "value": {"image": page_image.pk, "caption": "Treffen"}},
        ],
    )
    rendered = render_revision(page.live_revision)
    assert embedded_files(rendered.data) == []
    assert image_count(rendered.data) == 1  # the page's own image, nothing else


def test_no_file_is_attached_even_one_the_render_may_read(home_page, page_image):
    """Static files and the page's own images are readable, yet never become attachments."""
    raw = (
        '<p><a rel="attachment" href="/static/documents/print/print.css">Stil</a> '
        f'<a rel="nofollow attachment" href="/media/{page_image.file.name}">Bild</a></p>'
        '<link rel="attachment" href="/static/documents/print/print.css">'
    )
    page = public_page(
        home_page,
        body=[
            {"type": "paragraph", "value": raw},
            {"type": "image", "value": {"image": page_image.pk}},
        ],
    )
    data = render_revision(page.live_revision).data
    assert embedded_files(data) == []
    assert "Stil" in pdf_text(data) and "Bild" in pdf_text(data)


def test_cached_image_of_another_render_is_not_reused(home_page, page_image):
    """WeasyPrint's image cache is shared per process; it must not bypass the allow-list."""
    owner = public_page(home_page, body=[{"type": "image", "value": {"image": page_image.pk}}])
    assert image_count(render_revision(owner.live_revision).data) == 1
    rendition = page_image.renditions.get()
    thief = public_page(
        home_page,
        body=[{"type": "paragraph", "value": f'<p><img src="/media/{rendition.file.name}"></p>'}],
    )
    assert image_count(render_revision(thief.live_revision).data) == 0


@pytest.mark.parametrize("listed", [True, False])
def test_stored_pdfs_are_never_fetched(restricted_pdf, listed):
    """Not even an allow-list that names them lets a render read PDF versions."""
    name = restricted_pdf.file.name
    fetcher = ProjectFileFetcher(allowed_media=[name] if listed else [])
    with pytest.raises(RefusedURL):
        fetcher.fetch(f"{PRINT_BASE_URL}media/{name}")


def test_fetcher_serves_exactly_the_listed_media(media_root):
    (media_root / "images").mkdir()
    (media_root / "images" / "a.png").write_bytes(b"a")
    (media_root / "images" / "b.png").write_bytes(b"b")
    fetcher = ProjectFileFetcher(allowed_media=["images/a.png"])
    assert fetcher.fetch(f"{PRINT_BASE_URL}media/images/a.png").read() == b"a"
    for path in ("images/b.png", "images/./b.png", "images//b.png", "images/x/../b.png"):
        with pytest.raises(RefusedURL):
            fetcher.fetch(f"{PRINT_BASE_URL}media/{path}")


@pytest.fixture
def staff_image(db):
    """An image in the collection "Partner-Mitarbeitende" (created by a migration)."""
    from wagtail.models import Collection

    from documents.access import PARTNER_STAFF_COLLECTION

    collection = Collection.objects.get(name=PARTNER_STAFF_COLLECTION, depth=2)
    return new_image(title="Interne Grafik", collection=collection)


def figure(image) -> dict:
    return {"type": "figure", "value": {"image": image.pk, "alt": "Grafik", "caption": ""}}


def test_public_pdf_never_embeds_a_restricted_image(home_page, staff_image, page_image):
    """Anonymous readers may download the PDF, so the staff-only image stays out."""
    page = public_page(
        home_page,
        body=[
            {"type": "image", "value": {"image": staff_image.pk}},
            {"type": "image", "value": {"image": page_image.pk}},
        ],
    )
    assert image_count(render_revision(page.live_revision).data) == 1


def test_restricted_handout_embeds_an_image_of_its_readers_collection(make_handout, staff_image):
    """Everyone who may read the handout may see the staff collection: the image is printed."""
    restricted = make_handout("Intern mit Grafik", only_for_partner_staff=True)
    restricted.body = [*restricted.body.raw_data, figure(staff_image)]
    restricted.save_revision().publish()
    restricted.refresh_from_db()
    assert image_count(render_revision(restricted.live_revision).data) == 1
    public = make_handout("Offen mit Grafik")
    public.body = [*public.body.raw_data, figure(staff_image)]
    public.save_revision().publish()
    public.refresh_from_db()
    assert image_count(render_revision(public.live_revision).data) == 0
