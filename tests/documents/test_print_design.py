"""What every PDF prints: identity, stamp, web address, contacts, figures, font, wording."""

import io

import pikepdf
import pypdf
import pytest
from wagtail.models import Collection, Site

from documents import pipeline
from documents.access import PARTNER_STAFF_COLLECTION
from documents.models import PdfVersion, RenderJob
from documents.rendering import Stamp, build_print_html, render_revision
from documents.rendering.fetcher import PRINT_BASE_URL, ProjectFileFetcher
from home.models import FunderLogo, SiteSettings
from tests.factories import CustomImageFactory, StandardPageFactory

pytestmark = pytest.mark.usefixtures("sent_jobs")


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def words(data: bytes) -> str:
    return " ".join(" ".join(pages_text(data)).split())


def image_count(data: bytes) -> int:
    """Image XObjects in the PDF, without the alpha masks that belong to them."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        images = [
            o
            for o in pdf.objects
            if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"
        ]
        masks = {i.get("/SMask").objgen for i in images if i.get("/SMask") is not None}
        return sum(1 for image in images if image.objgen not in masks)


def run_latest(page) -> str:
    return pipeline.run_job(RenderJob.objects.filter(page=page).latest("created_at", "pk").pk)


@pytest.fixture
def site_settings(home_page):
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


# --- stamp and version -------------------------------------------------------------


def test_stamp_is_printed_but_not_hashed(make_handout):
    revision = make_handout().live_revision
    plain = build_print_html(revision)
    stamped = build_print_html(revision, Stamp(date=revision.created_at, version=7))
    assert stamped.content_hash == plain.content_hash
    assert "Version 7" in stamped.html and "Version 7" not in plain.html


def test_each_pdf_prints_the_number_it_is_stored_under(
    make_handout, django_capture_on_commit_callbacks
):
    page = make_handout("Erste Fassung")
    assert run_latest(page) == "done"
    first = PdfVersion.objects.get(page=page)
    page.title = "Zweite Fassung"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert run_latest(page) == "done"
    second = pipeline.latest_version(page)
    assert (first.version, second.version) == (1, 2)
    for version in (first, second):
        text = pages_text(version.file.read())
        assert all(f"Version {version.version}" in page_text for page_text in text)
        assert all("Stand: " in page_text for page_text in text)


def test_forced_render_of_unchanged_content_keeps_version(make_handout):
    """A new revision with the same content prints the latest stamp: same bytes, no v2."""
    page = make_handout()
    assert run_latest(page) == "done"
    page.save_revision().publish()  # same content, newer revision date
    page.refresh_from_db()
    job = pipeline.request_render(page, force=True)
    assert pipeline.run_job(job.pk) == "done"
    job.refresh_from_db()
    assert PdfVersion.objects.filter(page=page).count() == 1
    assert job.pdf_version.version == 1


def test_unchanged_content_with_new_bytes_becomes_the_next_version(make_handout, monkeypatch):
    """When the same content renders differently (a new WeasyPrint), v2 also prints "Version 2"."""
    page = make_handout()
    assert run_latest(page) == "done"
    PdfVersion.objects.filter(page=page).update(sha256="0" * 64)
    assert pipeline.run_job(pipeline.request_render(page, force=True).pk) == "done"
    latest = pipeline.latest_version(page)
    assert latest.version == 2
    assert "Version 2" in words(latest.file.read())


# --- identity, web address, QR code --------------------------------------------------


def test_colophon_prints_publisher_funding_and_logos(make_handout, site_settings):
    site_settings.network_logo = CustomImageFactory(title="Netzwerklogo")
    site_settings.publisher_name = "Netzwerkkoordination Beispiel"
    site_settings.publisher_address = "Beispielweg 3\n00000 Beispielort"
    site_settings.funding_notice = "Gefördert aus Mitteln des Beispielfonds."
    site_settings.save()
    FunderLogo.objects.create(
        settings=site_settings, name="Beispielfonds", logo=CustomImageFactory()
    )
    page = make_handout()
    print_html = build_print_html(page.live_revision)
    assert {site_settings.network_logo.file.name} <= print_html.media
    rendered = render_revision(page.live_revision, print_html)
    text = words(rendered.data)
    for expected in (
        "Herausgeber",
        "Netzwerkkoordination Beispiel",
        "Beispielweg 3",
        "Beispielort",
    ):
        assert expected in text
    assert "Gefördert aus Mitteln des Beispielfonds." in text
    assert image_count(rendered.data) == 2  # network logo and funder logo
    with pikepdf.open(io.BytesIO(rendered.data)) as pdf:
        assert "/StructTreeRoot" in pdf.Root


def test_restricted_logo_stays_out_of_a_public_pdf(make_handout, site_settings):
    staff = Collection.objects.get(name=PARTNER_STAFF_COLLECTION, depth=2)
    site_settings.network_logo = CustomImageFactory(collection=staff)
    site_settings.save()
    public = make_handout("Öffentlich")
    print_html = build_print_html(public.live_revision)
    assert site_settings.network_logo.file.name not in print_html.media
    assert image_count(render_revision(public.live_revision, print_html).data) == 0
    restricted = make_handout("Intern", only_for_partner_staff=True)
    assert site_settings.network_logo.file.name in build_print_html(restricted.live_revision).media


def test_web_address_as_text_and_qr_code(make_handout):
    page = make_handout()
    print_html = build_print_html(page.live_revision)
    address = page.get_full_url()
    text = words(render_revision(page.live_revision, print_html).data)
    assert address in text.replace(" ", "")  # a long address wraps
    ((name, svg),) = print_html.generated
    assert svg.lstrip().startswith(b"<svg")
    url = f"{PRINT_BASE_URL}erzeugt/{name}"
    assert f'src="{url}"' in print_html.html
    assert ProjectFileFetcher(generated=print_html.generated).fetch(url).read() == svg
    assert not ProjectFileFetcher().allows(url)  # only the render that made it serves it


# --- contacts, figures, wording, font ---------------------------------------------------


def test_contacts_show_what_the_partner_is_responsible_for(make_handout, partner):
    page = make_handout(partner=partner)  # the partner block's note is "Beratung"
    text = words(render_revision(page.live_revision).data)
    contacts = text[text.index("Kontakte") :]
    assert f"{partner.name} Zuständig für: Beratung" in contacts


def test_caption_and_credit_are_set_apart(make_handout):
    image = CustomImageFactory(credit="Foto: Beispielfotografin")
    page = make_handout()
    page.body = [
        *page.body.raw_data,
        {"type": "figure", "value": {"image": image.pk, "alt_text": "Bild", "caption": "Treffen"}},
    ]
    page.save_revision().publish()
    page.refresh_from_db()
    lines = "\n".join(pages_text(render_revision(page.live_revision).data)).splitlines()
    assert "Treffen" in lines and "Foto: Beispielfotografin" in lines


def test_print_intro_replaces_the_web_sentence(home_page):
    page = StandardPageFactory(
        parent=home_page,
        offer_pdf=True,
        intro="Kurz gesagt – diese Seite gibt es auch als barrierefreies PDF.",
        pdf_intro="Das Projekt in Kürze.",
    )
    page.save_revision().publish()
    page.refresh_from_db()
    text = words(render_revision(page.live_revision).data)
    assert "Das Projekt in Kürze." in text
    assert "barrierefreies PDF" not in text


def test_running_header_shows_title_not_the_network_line(make_handout):
    page = make_handout("Ein langer Leitfaden", text="Absatz. " * 900)
    first, second, *_ = pages_text(render_revision(page.live_revision).data)
    assert first.count("Unterstützungsnetzwerk für Alleinerziehende") == 1  # masthead only
    assert "Ein langer Leitfaden" in second  # the title is printed there only as running header


def test_shipped_font_and_german_hyphenation(make_handout):
    text = "Die Unterstützungsnetzwerkkoordinierungsstelle berät Alleinerziehendenverbände. " * 12
    data = render_revision(make_handout(text=text).live_revision).data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        fonts = {
            str(font.BaseFont).split("+")[-1]
            for page in pdf.pages
            for font in page.Resources.Font.values()
        }
    assert fonts and all(font.startswith("Source-Sans-3") for font in fonts), fonts
    assert any(line.endswith("-") for line in "\n".join(pages_text(data)).splitlines())


def test_funder_logos_in_order_with_their_names_as_alternative_text(make_handout, site_settings):
    for number in (2, 0, 1):
        logo = CustomImageFactory()
        FunderLogo.objects.create(
            settings=site_settings, sort_order=number, name=f"F{number}", logo=logo
        )
    html = build_print_html(make_handout().live_revision).html
    assert html.index('alt="F0"') < html.index('alt="F1"') < html.index('alt="F2"')
