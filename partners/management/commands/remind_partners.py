"""Send the due reminders to check partner entries (beat runs the same once a day)."""

from django.core.management.base import BaseCommand

from partners.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Erinnert die Mitarbeitenden jedes Netzwerkpartners, dessen Eintrag älter als "
        "PARTNERS_CONFIRM_AFTER_DAYS ist, per E-Mail an die Prüfung unter /konto/eintrag/."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        for reminder in sent:
            addresses = ", ".join(reminder.recipients)
            self.stdout.write(f"Erinnerung an {reminder.partner.name}: {addresses}")
        self.stdout.write(f"{len(sent)} Erinnerung(en) gesendet.")
