"""The description as plain text in the form and as rich text in the entry.

Partner staff write plain text: paragraphs separated by a blank line, list items
starting with "- ". Everything they type is escaped, so the stored rich text holds
only ``<p>``, ``<br/>``, ``<ul>`` and ``<li>`` and no markup of theirs. A description
the form shows unchanged keeps the editors' formatting and links (see ``EntryForm``).
"""

from __future__ import annotations

import re
from html import unescape

from django.utils.html import escape, strip_tags

LIST_MARKERS = ("- ", "* ", "• ")
_BLOCK_END = re.compile(r"</(p|h[1-6]|ul|ol|blockquote)>", re.IGNORECASE)
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"<li[^>]*>", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n\s*\n")
_FORMATTING = re.compile(r"<(a|b|i|strong|em|ol|h[1-6])\b", re.IGNORECASE)


def has_formatting(html: str) -> bool:
    """Markup the plain text cannot keep: links, bold, italics, numbered lists, headings."""
    return bool(_FORMATTING.search(html or ""))


def richtext_to_plain(html: str) -> str:
    """Readable plain text of stored rich text, for the textarea."""
    text = _BLOCK_END.sub("\n\n", html or "")
    text = _LINE_BREAK.sub("\n", text)
    text = _LIST_ITEM.sub("\n- ", text)
    text = unescape(strip_tags(text))
    lines = [line.strip() for line in text.replace("\r", "").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def plain_to_richtext(text: str) -> str:
    """Escaped rich text of what staff typed: paragraphs, line breaks and bullet lists."""
    blocks = _BLANK_LINES.split((text or "").replace("\r", "").strip())
    return "".join(_block_html(block) for block in blocks if block.strip())


def _block_html(block: str) -> str:
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if all(line.startswith(LIST_MARKERS) for line in lines):
        items = "".join(f"<li>{escape(line[2:].strip())}</li>" for line in lines)
        return f"<ul>{items}</ul>"
    return "<p>" + "<br/>".join(escape(line) for line in lines) + "</p>"
