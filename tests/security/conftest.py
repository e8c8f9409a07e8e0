import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "Richtiges-Passwort-2026"


def current_code(device: TOTPDevice) -> str:
    """What the user's authenticator app shows right now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    return f"{(int(current_code(device)) + 1) % 10**6:06d}"


@pytest.fixture
def editor(db):
    """A Wagtail editor: may use the admin, nothing more."""
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user(
        username="redaktion", email="redaktion@example.org", password=PASSWORD
    )
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user
