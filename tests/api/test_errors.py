"""Every error answer under /api/ is problem+json, whoever produced it; the site keeps its pages."""

import logging

import pytest
from django.test import Client
from wagtail.api.v3.errors import PROBLEM_JSON

pytestmark = pytest.mark.django_db


@pytest.fixture
def anonymous(settings) -> Client:
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM_JSON
    body = response.json()
    assert body["status"] == status
    assert body["title"]
    return body


@pytest.mark.parametrize("path", ["/api/", "/api/v3/gibt-es-nicht/", "/api/v4/pages/"])
def test_unknown_api_path_is_a_404_problem(anonymous, home_page, path):
    body = assert_problem(anonymous.get(path), 404)
    assert "<html" not in body["detail"].lower()


def test_unknown_site_path_keeps_the_german_404_page(anonymous, home_page):
    response = anonymous.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "Seite nicht gefunden" in response.content.decode()


def test_method_not_allowed_is_a_problem_and_keeps_allow(anonymous):
    response = anonymous.delete("/api/v3/partners/")
    assert_problem(response, 405)
    assert response["Allow"] == "GET"


def test_bad_host_header_is_a_problem(anonymous):
    assert_problem(anonymous.get("/api/v3/partners/", HTTP_HOST="kein host"), 400)


def test_uncaught_exception_is_a_500_problem_logged_with_traceback(
    anonymous, monkeypatch, caplog, partners
):
    def broken():
        raise RuntimeError("geheimes Detail aus dem Server")

    monkeypatch.setattr("partners.api.live_contact_points", broken)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = anonymous.get("/api/v3/contact-points/")
    body = assert_problem(response, 500)
    assert "geheim" not in response.content.decode()
    assert body["detail"] == "Internal Server Error"
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1, "logged once, with the traceback"
    assert errors[0].exc_info and errors[0].exc_info[0] is RuntimeError


def test_success_and_problem_answers_pass_unchanged(client, partners):
    ok = client.get("/api/v3/partners/")
    assert ok.status_code == 200
    assert ok["Content-Type"].startswith("application/json")
    problem = client.get("/api/v3/partners/999999/")
    assert_problem(problem, 404)
    assert problem.json()["detail"] == "No Partner matches the given query."
