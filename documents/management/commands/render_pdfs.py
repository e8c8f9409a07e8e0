"""Enqueue (or with --sync, render right here) the PDFs of pages that want one."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.models import Page

from documents import pipeline
from documents.models import RenderJob


class Command(BaseCommand):
    help = "Erzeugt die PDFs aller Seiten mit PDF (über die Warteschlange oder mit --sync sofort)."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--all", action="store_true", help="Alle Seiten mit PDF (Standard).")
        which.add_argument("--page", type=int, metavar="ID", help="Nur die Seite mit dieser ID.")
        parser.add_argument(
            "--sync", action="store_true", help="Hier und jetzt rendern statt einzureihen."
        )
        parser.add_argument(
            "--force", action="store_true", help="Auch bei unverändertem Inhalt neu erzeugen."
        )
        parser.add_argument(
            "--quiet-if-current",
            action="store_true",
            help="Nur Seiten ohne aktuelles PDF; keine Ausgabe, wenn alle aktuell sind.",
        )

    def handle(self, *args, page=None, sync=False, force=False, quiet_if_current=False, **opts):
        pages = self._pages(page)
        if quiet_if_current:
            pages = [p for p in pages if not pipeline.is_current_or_queued(p)]
            if not pages:
                return
        outcomes: dict[str, int] = {}
        for target in tqdm(pages, desc="PDF", unit="Seite", file=self.stderr, disable=not pages):
            job = pipeline.request_render(
                target, reason=RenderJob.Reason.MANUAL, force=force, send=not sync
            )
            outcome = pipeline.run_job(job.pk) if sync else "eingereiht"
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        summary = ", ".join(f"{name}: {count}" for name, count in sorted(outcomes.items()))
        self.stdout.write(f"{len(pages)} Seite(n) mit PDF. {summary}".strip())
        if outcomes.get("failed"):
            raise CommandError("Mindestens ein PDF ist fehlgeschlagen (siehe Render-Aufträge).")

    def _pages(self, page_id: int | None) -> list[Page]:
        if page_id is not None:
            page = Page.objects.filter(pk=page_id).first()
            if page is None:
                raise CommandError(f"Keine Seite mit der ID {page_id}.")
            page = page.specific
            if not (page.live and pipeline.page_wants_pdf(page)):
                raise CommandError(f"Seite {page_id} ist nicht veröffentlicht oder hat kein PDF.")
            return [page]
        return [p for p in Page.objects.live().specific().iterator() if pipeline.page_wants_pdf(p)]
