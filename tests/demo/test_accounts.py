"""The demo accounts: the editor and partner staff logins `make run` prints."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.roles import PARTNER_STAFF_GROUP, editor_groups, is_editor, is_partner_staff
from demo.accounts import PARTNER_USERNAME, Role, demo_partner, ensure_account
from partners.models import PartnerMembership
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_demo_partner_account_is_idempotent():
    partner = PartnerFactory(name="Lebenshilfe Finsterwalde e.V.", slug="lebenshilfe-finsterwalde")
    username, password = demo_partner("Demo-Partner-2026")
    assert (username, password) == (PARTNER_USERNAME, "Demo-Partner-2026")
    assert demo_partner("")[1].startswith("(unverändert")
    user = get_user_model().objects.get(username=PARTNER_USERNAME)
    assert user.check_password("Demo-Partner-2026")
    assert list(PartnerMembership.objects.filter(user=user).values_list("partner", flat=True)) == [
        partner.pk
    ]
    assert user.groups.filter(name=PARTNER_STAFF_GROUP).exists()


def test_demo_accounts_prints_both_logins(settings):
    settings.DEBUG = True
    PartnerFactory(name="Lebenshilfe Finsterwalde e.V.", slug="lebenshilfe-finsterwalde")
    settings.DEMO_ADMIN_PASSWORD = "Demo-Admin-2026"
    settings.DEMO_PARTNER_PASSWORD = "Demo-Partner-2026"
    out = StringIO()
    call_command("demo_accounts", stdout=out)
    assert "Admin-Login:    redaktion / Demo-Admin-2026" in out.getvalue()
    assert "Partner-Login:  partner-demo / Demo-Partner-2026" in out.getvalue()
    assert get_user_model().objects.get(username="partner-demo").partner_memberships.exists()


def test_demo_accounts_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Entwicklungseinstellungen"):
        call_command("demo_accounts", stdout=StringIO())
    assert not get_user_model().objects.filter(username="redaktion").exists()


def test_each_role_gets_its_rights_and_no_more(editor_user):
    """The browser journeys log in with these: admin, editor (admin groups), partner staff."""
    admin, _ = ensure_account("b-admin", "pw-admin-1", Role.ADMIN)
    editor, _ = ensure_account("b-editor", "pw-editor-1", Role.EDITOR)
    staff, _ = ensure_account("b-staff", "pw-staff-1", Role.PARTNER_STAFF)
    assert admin.is_superuser and admin.is_staff
    assert is_editor(editor) and not editor.is_superuser
    assert set(editor.groups.all()) == set(editor_groups())
    assert is_partner_staff(staff) and not is_editor(staff)
    assert staff.check_password("pw-staff-1")
    ensure_account("b-staff", "pw-staff-2", Role.PARTNER_STAFF)
    staff.refresh_from_db()
    assert staff.check_password("pw-staff-2"), "a given password is set every time"
