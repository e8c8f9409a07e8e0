"""The admin login form with a German label for the password.

Wagtail's LoginForm redeclares the password field without a label, so Django falls back
to the field name and shows "Password" in every language. The label is given here.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Passwort")
