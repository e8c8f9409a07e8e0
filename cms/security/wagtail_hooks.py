from django.urls import include, path, reverse
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from cms.security import urls
from cms.security.otp import needs_verification, second_factor_gate
from cms.security.views import LockoutAdmin


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("zwei-faktor/", include(urls, namespace="una_security"))]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("una_security:otp_enrol"),
        "label": "Zwei-Faktor-Anmeldung",
        "help_text": "Anmeldung zusätzlich mit einem Code aus einer Authenticator-App absichern.",
    }


@hooks.register("before_serve_page")
def second_factor_for_restricted_pages(page, request, serve_args, serve_kwargs):
    """Pages with page privacy ask a session that owes its second factor for the code."""
    if needs_verification(request.user) and page.get_view_restrictions().exists():
        return second_factor_gate(request)
    return None


@hooks.register("before_serve_document")
def second_factor_for_restricted_documents(document, request):
    """Documents in a private collection, likewise."""
    if needs_verification(request.user) and document.collection.get_view_restrictions().exists():
        return second_factor_gate(request)
    return None


modeladmin_register(LockoutAdmin)
