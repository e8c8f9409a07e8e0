"""Spreadsheet exports from the admin that no spreadsheet program runs as formulas.

Excel and LibreOffice treat a CSV cell that starts with = + - @, a tab or a carriage return
as a formula, so a page title like ``=HYPERLINK("https://…")`` typed by an editor would
become a live link (or worse) in the coordinator's spreadsheet. Every such cell is written
with a leading apostrophe, which spreadsheets show as plain text. (Wagtail's XLSX export
already stores such cells as text.)
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """``value`` with a leading apostrophe if a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """For Wagtail views with SpreadsheetExportMixin (list_export): CSV cells neutralised."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_cell(value)
        return value
