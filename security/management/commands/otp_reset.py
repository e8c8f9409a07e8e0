"""Remove a user's two-factor devices, e.g. after the phone was lost."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Entfernt die Authenticator-Geräte eines Kontos (z. B. nach Verlust des Telefons)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist as exc:
            raise CommandError(f"Kein Konto mit dem Benutzernamen „{username}“.") from exc
        deleted, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"{deleted} Gerät(e) von „{username}“ entfernt.")
