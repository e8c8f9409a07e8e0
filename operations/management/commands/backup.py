"""python manage.py backup DIR: database dump, media files and manifest into a new folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sichert Datenbank und Medien (Dateisystem oder Bucket) mit Prüfsummen in DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="ein neuer, leerer Ordner")

    def handle(self, *args, directory: Path, **options):
        try:
            summary = backup(directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Gesichert nach {directory}: Datenbank ({summary.database_bytes} Bytes), "
            f"{summary.files} Dateien ({summary.media_bytes} Bytes)."
        )
