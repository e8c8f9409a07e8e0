"""Create the demo editor account used by `make run` (never in production)."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "redaktion"


class Command(BaseCommand):
    help = "Legt das Demo-Redaktionskonto an (Passwort aus DEMO_ADMIN_PASSWORD) und gibt es aus."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Das Demo-Konto wird nur mit den Entwicklungseinstellungen angelegt."
            )
        user_model = get_user_model()
        user = user_model.objects.filter(username=DEMO_USERNAME).first()
        password = settings.DEMO_ADMIN_PASSWORD
        if user is None:
            password = password or secrets.token_urlsafe(12)
            user_model.objects.create_superuser(
                DEMO_USERNAME, "redaktion@example.org", password, first_name="Demo"
            )
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
        shown = password or "(unverändert, siehe erste Ausgabe oder DEMO_ADMIN_PASSWORD setzen)"
        self.stdout.write(f"  Admin-Login:    {DEMO_USERNAME} / {shown}")
        from accounts.demo import ensure_demo_partner_account

        partner_user, partner_shown = ensure_demo_partner_account(settings.DEMO_PARTNER_PASSWORD)
        self.stdout.write(f"  Partner-Login:  {partner_user} / {partner_shown}  (/konto/anmelden/)")
