"""Open data API: the partner directory as Open Referral HSDS 3 (partners.hsds maps the
records), under /api/v3/opendata/hsds/, with the HSDS paging envelope."""

import math
import uuid
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Path, Query, Router
from wagtail.api.v3.errors import ProblemDetail

from partners.hsds import HSDS_VERSION, exported_partners, hsds_id, organization, taxonomy_term
from partners.models import PolicyField

router = Router(tags=["open data"])

MAX_PER_PAGE = 100
PAGE_RESPONSE = {200: dict[str, Any], 422: ProblemDetail}


def hsds_page(items: list, total: int, page: int, per_page: int) -> dict[str, Any]:
    """HSDS 3 API paging envelope."""
    total_pages = max(1, math.ceil(total / per_page))
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not items,
        "contents": items,
    }


def _page_slice(page: int, per_page: int) -> slice:
    start = (page - 1) * per_page
    return slice(start, start + per_page)


PAGE = Query(1, ge=1, le=100_000, description="Page number, from 1.")
PER_PAGE = Query(50, ge=1, le=MAX_PER_PAGE, description="Items per page (1-100).")


@router.get(
    "/hsds/",
    response=dict[str, Any],
    url_name="hsds_index",
    summary="HSDS export: index",
    operation_id="hsds_index",
    auth=None,
)
def hsds_index(request: HttpRequest):
    return {
        "version": HSDS_VERSION,
        "profile": "https://docs.openreferral.org/en/latest/hsds/",
        "organizations": request.build_absolute_uri("organizations/"),
        "services": request.build_absolute_uri("services/"),
        "taxonomy_terms": request.build_absolute_uri("taxonomy_terms/"),
    }


@router.get(
    "/hsds/organizations/",
    response=PAGE_RESPONSE,
    url_name="hsds_organizations",
    summary="HSDS export: organizations",
    description=(
        "Every published partner as an Open Referral HSDS 3 organization with its services "
        "(one per policy field), locations, contacts and phones, in the HSDS paging envelope."
    ),
    operation_id="hsds_organizations_list",
    auth=None,
)
def hsds_organizations(request: HttpRequest, page: int = PAGE, per_page: int = PER_PAGE):
    partners = exported_partners()
    items = [organization(p, request) for p in partners[_page_slice(page, per_page)]]
    return hsds_page(items, partners.count(), page, per_page)


@router.get(
    "/hsds/organizations/{organization_id}/",
    response={200: dict[str, Any], 404: ProblemDetail, 422: ProblemDetail},
    url_name="hsds_organization_detail",
    summary="HSDS export: one organization",
    operation_id="hsds_organizations_detail",
    auth=None,
)
def hsds_organization(request: HttpRequest, organization_id: uuid.UUID = Path(...)):  # noqa: B008
    for partner in exported_partners():
        if hsds_id("organization", partner.pk) == str(organization_id):
            return organization(partner, request)
    raise Http404("No organization with this id")


@router.get(
    "/hsds/services/",
    response=PAGE_RESPONSE,
    url_name="hsds_services",
    summary="HSDS export: services",
    operation_id="hsds_services_list",
    auth=None,
)
def hsds_services(request: HttpRequest, page: int = PAGE, per_page: int = PER_PAGE):
    services = []
    for partner in exported_partners():
        data = organization(partner, request)
        for service in data.get("services", []):
            org = {k: v for k, v in data.items() if k not in ("services", "locations")}
            services.append({**service, "organization": org})
    return hsds_page(services[_page_slice(page, per_page)], len(services), page, per_page)


@router.get(
    "/hsds/taxonomy_terms/",
    response=PAGE_RESPONSE,
    url_name="hsds_taxonomy_terms",
    summary="HSDS export: taxonomy terms (the policy fields)",
    operation_id="hsds_taxonomy_terms_list",
    auth=None,
)
def hsds_taxonomy_terms(request: HttpRequest, page: int = PAGE, per_page: int = PER_PAGE):
    fields = PolicyField.objects.order_by("sort_order", "name")
    items = [taxonomy_term(field) for field in fields[_page_slice(page, per_page)]]
    return hsds_page(items, fields.count(), page, per_page)
