"""The partner network in API v3: policy fields, partners and contact points.

The models declare ``api_fields``; Wagtail registers them with the v3
registry and serves them to editors (token with snippet permissions, read
and write, drafts included) under ``/api/v3/snippets/<type>/``. This module
is the public, anonymous read tier built from the same ``api_fields`` with
Wagtail's schema generator: only published (live) snippets, filters for the
directory, and of the contact persons only those an editor marked public,
so the API never shows more personal data than the public website.
"""

from typing import Literal

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate
from wagtail.api.v2.utils import get_full_url
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.schemas import BaseMetaSchema, BaseSchema
from wagtail.api.v3.schemas.generators.read import read_generator

from partners.directory import live_partners, text_search_q, town_q
from partners.models import (
    ContactPoint,
    ContactPointContactPerson,
    Partner,
    PartnerContactPerson,
    PartnerDirectoryPage,
    PolicyField,
    public_contacts_prefetch,
)
from security.api import DETAIL_ERRORS, LIST_ERRORS, MAX_ID, PUBLIC_READ, ObjectId

router = Router(tags=["partners"])


def _detail_url(obj, context: dict, url_name: str, kwarg: str) -> str | None:
    try:
        path = reverse(f"wagtailapi_v3:{url_name}", kwargs={kwarg: obj.pk})
    except NoReverseMatch:
        return None
    return get_full_url(context["request"], path)


class PolicyFieldMetaSchema(BaseMetaSchema):
    detail_url: str | None = None

    @staticmethod
    def resolve_detail_url(obj: PolicyField, context: dict) -> str | None:
        return _detail_url(obj, context, "policy_field_detail", "policy_field_id")


class PartnerMetaSchema(BaseMetaSchema):
    detail_url: str | None = None
    html_url: str | None = None

    @staticmethod
    def resolve_detail_url(obj: Partner, context: dict) -> str | None:
        return _detail_url(obj, context, "partner_detail", "partner_id")

    @staticmethod
    def resolve_html_url(obj: Partner, context: dict) -> str | None:
        # Anonymous readers: Wagtail's page privacy (``public()``) is the whole rule for a
        # directory page, the one documents.access applies to pages other than handouts.
        directory = PartnerDirectoryPage.objects.live().public().first()
        if directory is None:
            return None
        return directory.partner_url(obj, context["request"], full=True) or None


class ContactPointMetaSchema(BaseMetaSchema):
    detail_url: str | None = None

    @staticmethod
    def resolve_detail_url(obj: ContactPoint, context: dict) -> str | None:
        return _detail_url(obj, context, "contact_point_detail", "contact_point_id")


class PolicyFieldBaseSchema(BaseSchema):
    meta: PolicyFieldMetaSchema


class PartnerBaseSchema(BaseSchema):
    meta: PartnerMetaSchema


class ContactPointBaseSchema(BaseSchema):
    meta: ContactPointMetaSchema


class PolicyFieldRefSchema(Schema):
    """A policy field as referenced from a partner."""

    id: int
    slug: str
    name: str


def _build(model, base_class, name: str, extra: dict | None = None):
    schema = read_generator.build_schema(
        model, name=name, base_class=base_class, follow_reverse_related=False
    )
    if extra:
        schema = read_generator.extend_schema(schema, name, extra)
    return schema


def _public_contacts(obj: Partner | ContactPoint, context: dict) -> list:
    """Only contact persons marked public (prefetched when listed)."""
    return obj.public_contact_persons()


def _policy_fields(obj: Partner, context: dict) -> list[PolicyField]:
    return list(obj.policy_fields.all())


PartnerContactPersonSchema = read_generator.build_schema(
    PartnerContactPerson,
    name="PartnerContactPersonSchema",
    base_class=Schema,
    follow_reverse_related=False,
)
ContactPointContactPersonSchema = read_generator.build_schema(
    ContactPointContactPerson,
    name="ContactPointContactPersonSchema",
    base_class=Schema,
    follow_reverse_related=False,
)
PolicyFieldSchema = _build(PolicyField, PolicyFieldBaseSchema, "PolicyFieldSchema")
PartnerSchema = _build(
    Partner,
    PartnerBaseSchema,
    "PartnerSchema",
    {
        "policy_fields": (list[PolicyFieldRefSchema], [], staticmethod(_policy_fields)),
        "contact_persons": (
            list[PartnerContactPersonSchema],
            [],
            staticmethod(_public_contacts),
        ),
    },
)
ContactPointSchema = _build(
    ContactPoint,
    ContactPointBaseSchema,
    "ContactPointSchema",
    {
        "contact_persons": (
            list[ContactPointContactPersonSchema],
            [],
            staticmethod(_public_contacts),
        )
    },
)


def live_contact_points() -> QuerySet[ContactPoint]:
    return (
        ContactPoint.objects.live()
        .filter(partner__live=True)
        .select_related("partner")
        .prefetch_related(public_contacts_prefetch(ContactPointContactPerson))
        .order_by("name", "pk")
    )


class PartnerFilterSchema(FilterSchema):
    """Filters of the partner list; an unknown policy field gives an empty list."""

    policy_field: str | None = Field(
        None,
        max_length=100,
        description="Slug or id of a policy field (e.g. `gesundheit`).",
    )
    town: str | None = Field(
        None,
        max_length=100,
        description="Exact town, e.g. `Herzberg`: the partner's address or one of its sites.",
    )
    role: Literal["coordinator", "partner"] | None = Field(None, description="Role in the network.")
    search: str | None = Field(
        None, max_length=100, description="Free text in name, description, town and topics."
    )

    def filter_policy_field(self, value: str | None) -> Q:
        if not value:
            return Q()
        if value.isdigit():
            return Q(policy_fields__pk=int(value))
        return Q(policy_fields__slug=value)

    def filter_town(self, value: str | None) -> Q:
        return town_q(value)

    def filter_search(self, value: str | None) -> Q:
        return text_search_q(value)


class ContactPointFilterSchema(FilterSchema):
    partner: int | None = Field(
        None, ge=1, le=MAX_ID, description="Id of the partner running the site."
    )
    town: str | None = Field(None, max_length=100, description="Exact town.")

    def filter_partner(self, value: int | None) -> Q:
        return Q(partner_id=value) if value else Q()

    def filter_town(self, value: str | None) -> Q:
        return Q(town__iexact=value) if value else Q()


@router.get(
    "/policy-fields/",
    response={200: list[PolicyFieldSchema], **LIST_ERRORS},
    url_name="policy_field_list",
    summary="List policy fields",
    operation_id="policy_fields_list",
    auth=PUBLIC_READ,
)
@paginate(WagtailLimitOffsetPagination)
def list_policy_fields(request: HttpRequest, **kwargs):
    return PolicyField.objects.select_related("moderated_by").order_by("sort_order", "name")


@router.get(
    "/policy-fields/{policy_field_id}/",
    response={200: PolicyFieldSchema, **DETAIL_ERRORS},
    url_name="policy_field_detail",
    summary="Policy field detail",
    operation_id="policy_fields_detail",
    auth=PUBLIC_READ,
)
def get_policy_field(request: HttpRequest, policy_field_id: int = ObjectId):
    return get_object_or_404(PolicyField, pk=policy_field_id)


@router.get(
    "/partners/",
    response={200: list[PartnerSchema], **LIST_ERRORS},
    url_name="partner_list",
    summary="List partners",
    description="Published partners of the network; filter by policy field, town, role, text.",
    operation_id="partners_list",
    auth=PUBLIC_READ,
)
@paginate(WagtailLimitOffsetPagination)
def list_partners(
    request: HttpRequest,
    filters: PartnerFilterSchema = Query(...),  # noqa: B008
    **kwargs,
):
    return filters.filter(live_partners().order_by("name", "pk")).distinct()


@router.get(
    "/partners/{partner_id}/",
    response={200: PartnerSchema, **DETAIL_ERRORS},
    url_name="partner_detail",
    summary="Partner detail",
    operation_id="partners_detail",
    auth=PUBLIC_READ,
)
def get_partner(request: HttpRequest, partner_id: int = ObjectId):
    return get_object_or_404(live_partners(), pk=partner_id)


@router.get(
    "/contact-points/",
    response={200: list[ContactPointSchema], **LIST_ERRORS},
    url_name="contact_point_list",
    summary="List contact points",
    operation_id="contact_points_list",
    auth=PUBLIC_READ,
)
@paginate(WagtailLimitOffsetPagination)
def list_contact_points(
    request: HttpRequest,
    filters: ContactPointFilterSchema = Query(...),  # noqa: B008
    **kwargs,
):
    return filters.filter(live_contact_points())


@router.get(
    "/contact-points/{contact_point_id}/",
    response={200: ContactPointSchema, **DETAIL_ERRORS},
    url_name="contact_point_detail",
    summary="Contact point detail",
    operation_id="contact_points_detail",
    auth=PUBLIC_READ,
)
def get_contact_point(request: HttpRequest, contact_point_id: int = ObjectId):
    return get_object_or_404(live_contact_points(), pk=contact_point_id)
