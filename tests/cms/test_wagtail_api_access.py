"""Wagtail's API routers read their querysets through the access rule cms installs.

``cms.wagtail_api_access`` replaces module attributes of three Wagtail routers. These
tests fail when a Wagtail upgrade changes how those routers read pages, images or
documents (a new endpoint, a renamed helper, another signature), so the access rule
cannot silently stop applying. When one fails, check the new code path in Wagtail,
make it go through ``cms.wagtail_api_access`` and then update the records below.
"""

import inspect
import types

from wagtail.api.v3 import querysets
from wagtail.api.v3.routers import pages as pages_router
from wagtail.documents.api.v3 import router as documents_router
from wagtail.images.api.v3 import router as images_router
from wagtail.models import Page

import cms.api  # noqa: F401 (mounting the API installs the access rule)
from cms import wagtail_api_access

# router module: (attribute replaced, functions reading through it, module-level functions)
ROUTERS = {
    pages_router: (
        "get_pages_queryset",
        {
            "PageFilterSchema.get_public_page",
            "find_page",
            "get_page",
            "get_page_revision",
            "list_page_revisions",
            "list_pages",
        },
        {
            "_check_can_view_revisions",
            "_validate_slug",
            "convert_alias",
            "copy",
            "copy_for_translation",
            "create_alias",
            "create_page",
            "custom_filter",
            "delete",
            "find_page",
            "get_page",
            "get_page_revision",
            "list_page_revisions",
            "list_pages",
            "move",
            "publish",
            "revert",
            "unpublish",
            "update_page",
        },
    ),
    images_router: (
        "get_images_queryset",
        {"get_image", "list_images"},
        {"create_image", "delete_image", "get_image", "list_images", "update_image"},
    ),
    documents_router: (
        "get_documents_queryset",
        {"get_document", "list_documents"},
        {"create_document", "delete_document", "get_document", "list_documents", "update_document"},
    ),
}


def _code_objects(code: types.CodeType):
    yield code
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            yield from _code_objects(constant)


def _functions(module) -> dict[str, types.FunctionType]:
    """Every function defined in the module, also methods and decorated endpoints."""
    found = {}
    for value in vars(module).values():
        if getattr(value, "__module__", None) != module.__name__:
            continue
        members = vars(value).values() if inspect.isclass(value) else [value]
        for member in members:
            function = inspect.unwrap(getattr(member, "__func__", member))
            if inspect.isfunction(function):
                found[function.__qualname__] = function
    return found


def _reads(function: types.FunctionType, name: str) -> bool:
    return any(name in code.co_names for code in _code_objects(function.__code__))


def test_routers_read_through_the_access_rule():
    assert pages_router.get_pages_queryset is wagtail_api_access.get_pages_queryset
    assert images_router.get_images_queryset is wagtail_api_access.get_images_queryset
    assert documents_router.get_documents_queryset is wagtail_api_access.get_documents_queryset


def test_wagtail_page_queryset_is_the_one_extended():
    original = wagtail_api_access.wagtail_get_pages_queryset
    assert original is querysets.get_pages_queryset
    parameters = inspect.signature(original).parameters
    assert list(parameters) == ["request", "model"]
    assert parameters["model"].default is Page


def test_exactly_the_known_functions_read_the_querysets():
    for module, (name, readers, module_functions) in ROUTERS.items():
        functions = _functions(module)
        assert {qualname for qualname, f in functions.items() if _reads(f, name)} == readers
        assert {qualname for qualname in functions if "." not in qualname} == module_functions


def test_no_router_reaches_the_queryset_past_the_module_attribute():
    """An attribute read such as ``querysets.get_pages_queryset(...)`` would skip the rule."""
    for module in ROUTERS:
        bound = {value.__name__ for value in vars(module).values() if inspect.ismodule(value)}
        assert "wagtail.api.v3.querysets" not in bound
