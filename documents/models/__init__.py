from .audit import DownloadAuditEntry
from .counters import PipelineCounter
from .ledger import PdfVersion, RenderJob
from .pages import HandoutIndexPage, HandoutPage

__all__ = [
    "DownloadAuditEntry",
    "HandoutIndexPage",
    "HandoutPage",
    "PdfVersion",
    "PipelineCounter",
    "RenderJob",
]
