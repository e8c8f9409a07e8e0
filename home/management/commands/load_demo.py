"""Load the network's demo content (idempotent: a second run changes nothing)."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Order matters: pages reference partners, documents reference pages.
DEMO_MODULES = ("partners.demo", "home.demo", "home.demo_identity", "documents.demo")


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
        for name in DEMO_MODULES:
            module = import_module(name)
            with transaction.atomic():
                module.load(self.stdout)
                if synthetic:
                    module.load_synthetic(synthetic, self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind geladen."))
