"""python manage.py restore DIR: a backup back into an empty database and media storage."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Stellt eine Sicherung aus DIR in eine leere Datenbank und einen leeren "
        "Medienspeicher wieder her; prüft vorher jede Prüfsumme."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="der Ordner einer Sicherung")

    def handle(self, *args, directory: Path, **options):
        try:
            summary = restore(directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Wiederhergestellt aus {directory}: Datenbank ({summary.database_bytes} Bytes), "
            f"{summary.files} Dateien ({summary.media_bytes} Bytes)."
        )
