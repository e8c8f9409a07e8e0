"""Load the network's demo content (idempotent: a second run changes nothing)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo import handouts, network, pages, pending_change
from demo import synthetic as synthetic_data
from demo.publish import Changes


class Command(BaseCommand):
    help = "Lädt die Demo-Inhalte des Netzwerks (mehrfach ausführbar, ohne Änderung beim 2. Mal)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--synthetic",
            type=int,
            default=0,
            metavar="N",
            help="Zusätzlich N gekennzeichnete Beispiel-Partner und -Seiten für Lasttests.",
        )

    def handle(self, *args, synthetic: int = 0, **options):
        changes = Changes()
        # Order matters: pages list partners, handouts refer to partners and contact points;
        # the pending change comes last, after the network got its demo values back.
        for area in (network, pages, handouts, pending_change):
            with transaction.atomic():
                self.stdout.write(area.load(changes))
        if synthetic:
            with transaction.atomic():
                for line in synthetic_data.load(synthetic, changes):
                    self.stdout.write(line)
        self.stdout.write(f"Datensätze: {changes.summary()}.")
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind geladen."))
