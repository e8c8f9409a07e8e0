from django.urls import include, path, reverse
from wagtail import hooks

from cms.security import urls


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


@hooks.register("register_admin_viewset")
def register_access_attempt_viewset():
    from cms.security.views import AccessAttemptViewSet

    return AccessAttemptViewSet()
