from .audit import DownloadAuditEntry
from .ledger import PdfVersion, RenderJob
from .pages import HandoutIndexPage, HandoutPage

__all__ = ["DownloadAuditEntry", "HandoutIndexPage", "HandoutPage", "PdfVersion", "RenderJob"]
