import pytest
from django.contrib.auth import get_user_model

PASSWORD = "Richtiges-Passwort-2026"


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
