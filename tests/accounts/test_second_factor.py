"""Accounts with an authenticator app confirm the code on the site too: /konto/, restricted
pages and restricted PDFs ask for it, through the same gate as the admin."""

from urllib.parse import parse_qs, urlparse

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from documents.models import DownloadAuditEntry
from tests.fixtures.roles import PASSWORD
from tests.security.conftest import current_code, wrong_code

#: Publishing enqueues renders; these tests never need the broker.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sent_jobs")]

PROMPT = "/konto/bestaetigen/"


@pytest.fixture
def enrolled(users):
    """The editor has a confirmed authenticator app."""
    editor = users["editor"]
    TOTPDevice.objects.create(user=editor, name="Telefon", confirmed=True)
    return editor


def sent_to_prompt(response, next_url: str) -> bool:
    target = urlparse(response["Location"])
    return (
        response.status_code == 302
        and target.path == PROMPT
        and parse_qs(target.query)["next"] == [next_url]
    )


def confirm(client, user, next_url: str):
    return client.post(PROMPT, {"code": current_code(user.totpdevice_set.get()), "next": next_url})


def test_site_login_asks_for_the_code(client, enrolled):
    response = client.post("/konto/anmelden/", {"username": "editor", "password": PASSWORD})
    assert sent_to_prompt(response, "/konto/")
    prompt = client.get(response["Location"])
    assert prompt.status_code == 200
    assert "Anmeldung bestätigen" in prompt.text
    assert client.get("/konto/").status_code == 302

    response = confirm(client, enrolled, "/konto/")
    assert response["Location"] == "/konto/"
    assert client.get("/konto/").status_code == 200


@pytest.mark.parametrize(
    "path", ["/konto/", "/konto/handlungsanleitungen/", "/konto/passwort/", "/konto/eintrag/"]
)
def test_account_pages_ask_an_unconfirmed_session_for_the_code(client, enrolled, path):
    client.force_login(enrolled)
    assert sent_to_prompt(client.get(path), path)


def test_wrong_code_keeps_the_account_closed(client, enrolled):
    client.force_login(enrolled)
    response = client.post(PROMPT, {"code": wrong_code(enrolled.totpdevice_set.get())})
    assert response.status_code == 200
    assert "Der Code ist ungültig oder abgelaufen" in response.text
    assert client.get("/konto/").status_code == 302


def test_restricted_pdf_asks_first_and_is_recorded_once_confirmed(client, enrolled, handouts):
    url = f"/pdf/{handouts['restricted'].pk}/v1/"
    client.force_login(enrolled)
    assert sent_to_prompt(client.get(url), url)
    assert sent_to_prompt(client.get(url, HTTP_IF_NONE_MATCH='"x"'), url)
    assert not DownloadAuditEntry.objects.exists()

    assert confirm(client, enrolled, url)["Location"] == url
    response = client.get(url)
    assert response.status_code == 200
    assert DownloadAuditEntry.objects.get().user == enrolled


def test_restricted_page_asks_for_the_code(client, enrolled, handouts):
    page_url = handouts["restricted"].url
    client.force_login(enrolled)
    assert sent_to_prompt(client.get(page_url), page_url)
    confirm(client, enrolled, page_url)
    assert client.get(page_url).status_code == 200


def test_public_content_and_accounts_without_an_app_are_not_asked(client, users, handouts):
    client.force_login(users["editor"])
    assert client.get("/konto/").status_code == 200
    assert client.get(f"/pdf/{handouts['restricted'].pk}/v1/").status_code == 200
    TOTPDevice.objects.create(user=users["editor"], name="Telefon", confirmed=True)
    client.force_login(users["editor"])
    assert client.get(f"/pdf/{handouts['public'].pk}/v1/").status_code == 200
    assert client.get(handouts["public"].url).status_code == 200


def test_prompt_never_sends_the_browser_off_site(client, enrolled):
    client.force_login(enrolled)
    response = confirm(client, enrolled, "https://evil.example/konto/")
    assert response["Location"] == "/konto/"


def test_document_in_a_private_collection_asks_for_the_code(client, enrolled):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Intern (Test)")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document(title="Protokoll", collection=private)
    document.file.save("protokoll.txt", ContentFile(b"Nur intern."), save=True)
    url = document.url
    client.force_login(enrolled)
    assert sent_to_prompt(client.get(url), url)
    confirm(client, enrolled, url)
    assert client.get(url).status_code == 200
