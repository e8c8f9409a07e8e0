from .ledger import PdfVersion, RenderJob
from .pages import HandoutIndexPage, HandoutPage

__all__ = ["HandoutIndexPage", "HandoutPage", "PdfVersion", "RenderJob"]
