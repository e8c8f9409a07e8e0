"""Input PostgreSQL cannot take never reaches a view of the site: NUL and huge numbers."""

import pytest
from django.test import Client

from partners.directory import PartnerFilterForm
from tests.bad_input import BAD_VALUES
from tests.factories import PartnerDirectoryPageFactory, PartnerFactory, PolicyFieldFactory

pytestmark = pytest.mark.django_db

#: The query parameters of the search page and of the partner directory (its filter
#: form's fields and the page number).
SITE_PARAMETERS = {
    "/suche/": ["q", "seite"],
    "/partner/": [*PartnerFilterForm.base_fields, "seite"],
}


@pytest.fixture
def site(home_page):
    """The search page's content and a partner directory at /partner/."""
    health = PolicyFieldFactory(name="Gesundheit", slug="gesundheit")
    PartnerFactory(name="Gesundheitsdienst Herzberg", town="Herzberg", policy_fields=[health])
    PartnerDirectoryPageFactory(parent=home_page, title="Partnerverzeichnis", slug="partner")
    return home_page


@pytest.fixture
def visitor(settings) -> Client:
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def assert_german_bad_request(response) -> None:
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "Ungültige Anfrage" in html
    assert "Steuerzeichen" in html
    assert 'name="q"' in html, "offers the search form again"


def test_search_and_directory_parameters_never_give_a_server_error(visitor, site):
    answers = {}
    for path, names in SITE_PARAMETERS.items():
        for name in names:
            for kind, value in BAD_VALUES.items():
                response = visitor.get(path, {name: value})
                answers[f"{path}?{name}={kind}"] = response.status_code
                if kind == "nul":
                    assert_german_bad_request(response)
    assert {label: status for label, status in answers.items() if status >= 500} == {}
    assert {label for label, status in answers.items() if status == 200} == {
        label for label in answers if not label.endswith("=nul")
    }


def test_search_with_nul_is_a_german_bad_request(visitor, site):
    assert_german_bad_request(visitor.get("/suche/", {"q": "Gesundheit\x00"}))


def test_search_still_finds_without_nul(visitor, site):
    response = visitor.get("/suche/", {"q": "Gesundheitsdienst"})
    assert response.status_code == 200
    assert "Gesundheitsdienst Herzberg" in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/partner/?bereich=gesundheit&ort=%00", "/suche/?q%00=x", "/partner%00/", "/pdf/1%00/"]
)
def test_nul_in_any_query_name_value_or_path_is_refused(visitor, site, url):
    assert_german_bad_request(visitor.get(url))


def test_bad_request_page_carries_the_security_headers(visitor, site):
    response = visitor.get("/suche/", {"q": "\x00"})
    assert response.status_code == 400
    assert "Content-Security-Policy" in response
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/", "/partner/", "/konto/anmelden/"])
def test_cookie_with_nul_is_ignored_not_a_server_error(settings, site, path):
    settings.DEBUG = False
    # Python's cookie parser turns the octal escape into U+0000; a session key with it
    # used to reach the session table.
    visitor = Client(raise_request_exception=False, HTTP_COOKIE='sessionid="\\000abcdefghij"')
    response = visitor.get(path)
    assert response.status_code == 200
