"""Site-wide views: search over pages and partners, robots.txt."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.search import excerpts
from documents.access import visible_pages
from partners.models import Partner
from partners.templatetags.partner_tags import partner_directory_url

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 20


def search(request: HttpRequest) -> TemplateResponse:
    """Full-text search over published pages the visitor may read, and published partners."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    page_results = Page.objects.none()
    partner_results: list = []
    if query:
        readable = visible_pages(request.user, Page.objects.live(), request)
        page_results = readable.specific().search(query)
        partner_results = _search_partners(request, query)
    paginator = Paginator(page_results, RESULTS_PER_PAGE)
    results = paginator.get_page(request.GET.get("seite"))
    results.object_list = list(results.object_list)  # one query; excerpts stay on the objects
    _attach_excerpts(results.object_list, query)
    _attach_excerpts(partner_results, query)
    return TemplateResponse(
        request,
        "home/search.html",
        {
            "search_query": query,
            "search_results": results,
            "partner_results": partner_results,
        },
    )


def _search_partners(request: HttpRequest, query: str) -> list:
    backend = get_search_backend()
    partners = list(backend.search(query, Partner.objects.live())[:RESULTS_PER_PAGE])
    base_url = partner_directory_url(request)
    for partner in partners:
        partner.detail_url = f"{base_url}{partner.slug}/" if base_url else ""
    return partners


def _attach_excerpts(results: list, query: str) -> None:
    """``result.excerpt``: the hits in context, or empty when only the title matched."""
    found = excerpts(results, query) if query else {}
    for result in results:
        result.excerpt = found.get(result.pk, "")


def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /suche/", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
