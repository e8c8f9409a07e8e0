"""Admin URLs of the two-factor login, mounted under /admin/ by wagtail_hooks."""

from django.urls import path

from security import otp

app_name = "una_security"

urlpatterns = [
    path("bestaetigen/", otp.verify, name="otp_verify"),
    path("einrichten/", otp.enrol, name="otp_enrol"),
]
