"""Create the demo logins `make run` prints (never in production)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.accounts import demo_coordinators, demo_editor, demo_partner


class Command(BaseCommand):
    help = (
        "Legt die Demo-Konten an (Redaktion, Partner-Mitarbeitende und die Koordination je "
        "Politikfeld; Passwörter aus DEMO_ADMIN_PASSWORD, DEMO_PARTNER_PASSWORD und "
        "DEMO_COORDINATOR_PASSWORD) und gibt die Zugänge aus."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Die Demo-Konten werden nur mit den Entwicklungseinstellungen angelegt."
            )
        editor, editor_password = demo_editor(settings.DEMO_ADMIN_PASSWORD)
        self.stdout.write(f"  Admin-Login:    {editor} / {editor_password}")
        partner, partner_password = demo_partner(settings.DEMO_PARTNER_PASSWORD)
        self.stdout.write(f"  Partner-Login:  {partner} / {partner_password}  (/konto/anmelden/)")
        for username, password, field in demo_coordinators(settings.DEMO_COORDINATOR_PASSWORD):
            self.stdout.write(f"  Koordination:   {username} / {password}  ({field}, /admin/)")
